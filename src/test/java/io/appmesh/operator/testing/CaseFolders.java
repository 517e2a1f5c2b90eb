package io.appmesh.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** The golden-file runners' cases: one dynamic test per folder under a root, by name, and at least one. */
public final class CaseFolders {

    private CaseFolders() {
    }

    public static Stream<DynamicTest> each(Path root, ThrowingConsumer<Path> run) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).as("case folders in %s", root).isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run.accept(dir)));
    }
}
