package dev.lectern.adapters.lucene;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One index write as the journal keeps it, and its binary form. */
sealed interface JournalEntry {
  record Replace(ArtifactKey key, long version, List<Chunk> chunks, Language language)
      implements JournalEntry {}

  record Delete(ArtifactKey key) implements JournalEntry {}

  record DeleteVersion(ArtifactKey key, long version) implements JournalEntry {}

  record DeleteCollection(String orgId, CollectionId collectionId) implements JournalEntry {}

  byte REPLACE = 1;
  byte DELETE = 2;
  byte DELETE_VERSION = 3;
  byte DELETE_COLLECTION = 4;

  /**
   * The entry's bytes, written once into an array of exactly their size (measured first): a large
   * entry is not copied while a growing buffer doubles.
   */
  static byte[] encode(JournalEntry entry) {
    try {
      DataOutputStream counter = new DataOutputStream(OutputStream.nullOutputStream());
      write(counter, entry);
      ExactBytes exact = new ExactBytes(counter.size());
      write(new DataOutputStream(exact), entry);
      return exact.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, JournalEntry entry) throws IOException {
    switch (entry) {
      case Replace replace -> {
        out.writeByte(REPLACE);
        writeKey(out, replace.key());
        out.writeLong(replace.version());
        writeString(out, replace.language().name());
        out.writeInt(replace.chunks().size());
        for (Chunk chunk : replace.chunks()) {
          writeChunk(out, chunk);
        }
      }
      case Delete delete -> {
        out.writeByte(DELETE);
        writeKey(out, delete.key());
      }
      case DeleteVersion delete -> {
        out.writeByte(DELETE_VERSION);
        writeKey(out, delete.key());
        out.writeLong(delete.version());
      }
      case DeleteCollection delete -> {
        out.writeByte(DELETE_COLLECTION);
        writeString(out, delete.orgId());
        writeString(out, delete.collectionId().value());
      }
    }
    out.flush();
  }

  static JournalEntry decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    byte type = in.readByte();
    return switch (type) {
      case REPLACE -> {
        ArtifactKey key = readKey(in);
        long version = in.readLong();
        Language language = Language.valueOf(readString(in));
        int count = in.readInt();
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          chunks.add(readChunk(in));
        }
        yield new Replace(key, version, chunks, language);
      }
      case DELETE -> new Delete(readKey(in));
      case DELETE_VERSION -> new DeleteVersion(readKey(in), in.readLong());
      case DELETE_COLLECTION ->
          new DeleteCollection(readString(in), new CollectionId(readString(in)));
      default -> throw new IOException("unknown journal entry type " + type);
    };
  }

  private static void writeChunk(DataOutputStream out, Chunk chunk) throws IOException {
    writeString(out, chunk.id());
    out.writeInt(chunk.position());
    writeString(out, chunk.text());
    out.writeInt(chunk.tokenCount());
    writeStrings(out, chunk.headingPath());
    writeStrings(out, chunk.keywords());
    writeStrings(out, chunk.questions());
    out.writeBoolean(chunk.available());
  }

  private static Chunk readChunk(DataInputStream in) throws IOException {
    return new Chunk(
        readString(in),
        in.readInt(),
        readString(in),
        in.readInt(),
        readStrings(in),
        readStrings(in),
        readStrings(in),
        in.readBoolean());
  }

  private static void writeKey(DataOutputStream out, ArtifactKey key) throws IOException {
    writeString(out, key.orgId());
    writeString(out, key.collectionId().value());
    writeString(out, key.artifactId().value());
  }

  private static ArtifactKey readKey(DataInputStream in) throws IOException {
    return new ArtifactKey(
        readString(in), new CollectionId(readString(in)), new ArtifactId(readString(in)));
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeString(out, value);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readString(in));
    }
    return List.copyOf(values);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }
}
