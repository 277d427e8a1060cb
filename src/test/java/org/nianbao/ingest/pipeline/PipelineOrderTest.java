package org.nianbao.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;

class PipelineOrderTest {
    record FakeStage(String name, Set<Capability> requires, Set<Capability> provides) implements Stage {
        @Override
        public Document apply(Document doc, Context ctx) {
            return doc;
        }
    }

    @Test
    void aStageBeforeItsRequirementIsRejectedAtBuildTime() {
        Stage tables = new FakeStage("tables", Set.of(Capability.NORMALIZED), Set.of(Capability.STANDARD_TABLES));
        Stage norm = new FakeStage("normalize", Set.of(Capability.EXTRACTED), Set.of(Capability.NORMALIZED));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.checkOrder(List.of(tables, norm)));
        assertTrue(e.getMessage().contains("tables"));
        assertDoesNotThrow(() -> Pipeline.checkOrder(List.of(norm, tables)));
    }

    @Test
    void theDefaultPipelineIsInOrder() {
        assertDoesNotThrow(() -> Pipeline.checkOrder(NianbaoIngest.defaultStages()));
    }
}
