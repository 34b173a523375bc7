package dev.lectern.adapters.documents;

import java.io.IOException;

/** Extracts markdown text from the bytes of one format. */
interface FormatParser {
  String parse(byte[] bytes) throws IOException;
}
