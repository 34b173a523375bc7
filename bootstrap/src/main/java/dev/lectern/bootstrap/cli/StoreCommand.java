package dev.lectern.bootstrap.cli;

import dev.lectern.bootstrap.MetadataStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A CLI command that works on the metadata stores of a data directory. */
abstract class StoreCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try (MetadataStores stores = Installation.open(storage.config().build(), 2, out())) {
      run(stores);
    }
    out().flush();
    return 0;
  }

  abstract void run(MetadataStores stores) throws IOException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
