package app.cosell.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one answer every List* operation gives: a page of the matching items under the operation's list member and,
 * when more follow, a {@code NextToken}. The page size ({@code MaxResults}, or the operation's default when absent
 * or not positive) and the token's checks are {@link Paging}'s; the items come already filtered and sorted by the
 * state. The sort order a request asks for is read here too, so every list reads it alike.
 */
final class ListAnswer {

    /** Writes one item of a streamed list straight to the generator. */
    interface ItemWriter<T> {
        void write(JsonGenerator generator, T item) throws IOException;
    }

    private ListAnswer() {
    }

    /**
     * One page of {@code matching} as {@code {"<listName>": [...], "NextToken": ...}}, each item drawn into its own
     * object by {@code render}.
     */
    static <T> ObjectNode of(List<T> matching, ObjectNode request, int defaultMaxResults, String listName,
                             BiConsumer<T, ObjectNode> render) {
        Paging.Page<T> page = Paging.page(matching, request, defaultMaxResults);
        ObjectNode response = WireJson.object();
        ArrayNode list = response.putArray(listName);
        for (T item : page.items()) {
            render.accept(item, list.addObject());
        }
        WireJson.put(response, "NextToken", page.nextToken());
        return response;
    }

    /** The same answer written straight to the generator, for lists whose pages are heavy. */
    static <T> WireJson.Rendering streamed(List<T> matching, ObjectNode request, int defaultMaxResults,
                                           String listName, ItemWriter<T> writer) {
        Paging.Page<T> page = Paging.page(matching, request, defaultMaxResults);
        return generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart(listName);
            for (T item : page.items()) {
                writer.write(generator, item);
            }
            generator.writeEndArray();
            if (page.nextToken() != null) {
                generator.writeStringField("NextToken", page.nextToken());
            }
            generator.writeEndObject();
        };
    }

    /**
     * Whether the request's {@code Sort.SortOrder} is ASCENDING, {@code defaultOrder} (ASCENDING or DESCENDING)
     * when it names none. The model lets only those two values through.
     */
    static boolean ascending(JsonNode request, String defaultOrder) {
        return "ASCENDING".equals(request.at("/Sort/SortOrder").asText(defaultOrder));
    }

    /** The request's {@code Sort.SortBy}, {@code defaultField} when it names none. */
    static String sortBy(JsonNode request, String defaultField) {
        return request.at("/Sort/SortBy").asText(defaultField);
    }
}
