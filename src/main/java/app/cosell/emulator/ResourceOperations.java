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
interface ResourceOperations {

    /**
     * The collaborators every resource's operations share. The random source is used inside state writes only, so
     * never concurrently.
     */
    record Services(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock, SplittableRandom random) {

        Services(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
            this(state, engine, clock, new SplittableRandom());
        }
    }

    Services services();

    default PartnerCentralState state() {
        return services().state();
    }

    default TaskEngine engine() {
        return services().engine();
    }

    default Supplier<Instant> clock() {
        return services().clock();
    }

    default SplittableRandom random() {
        return services().random();
    }

    /** The catalog the request names (see {@link Operations#catalog(PartnerCentralState, ObjectNode)}). */
    default CatalogState catalog(ObjectNode request) {
        return Operations.catalog(state(), request);
    }
}
