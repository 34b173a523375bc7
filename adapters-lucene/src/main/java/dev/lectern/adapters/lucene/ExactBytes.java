package dev.lectern.adapters.lucene;

import java.io.OutputStream;

/** An output stream into an array of a size known in advance, handed out without a copy. */
final class ExactBytes extends OutputStream {
  private final byte[] bytes;
  private int at;

  ExactBytes(int size) {
    this.bytes = new byte[size];
  }

  @Override
  public void write(int b) {
    bytes[at++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    System.arraycopy(source, offset, bytes, at, length);
    at += length;
  }

  byte[] bytes() {
    return bytes;
  }
}
