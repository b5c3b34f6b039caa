package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What the operations of every resource work with: the state they ask and change, the task engine, the clock, and
 * a source of random ids. {@link Operations} makes one object per resource and routes each operation to its
 * handler there.
 */
abstract class ResourceOperations {

    /** The collaborators every resource's operations share. */
    record Services(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
    }

    final PartnerCentralState state;
    final TaskEngine engine;
    final Supplier<Instant> clock;
    /** Used inside state writes only, so never concurrently. */
    final SplittableRandom random = new SplittableRandom();

    ResourceOperations(Services services) {
        this.state = services.state();
        this.engine = services.engine();
        this.clock = services.clock();
    }

    /** The catalog the request names (see {@link Operations#catalog(PartnerCentralState, ObjectNode)}). */
    final CatalogState catalog(ObjectNode request) {
        return Operations.catalog(state, request);
    }
}
