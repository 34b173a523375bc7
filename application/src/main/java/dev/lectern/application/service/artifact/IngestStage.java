package dev.lectern.application.service.artifact;

/** The stages of an ingest, with the share of the work done when each one ends. */
enum IngestStage {
  FETCH("fetch", 0.2),
  PARSE("parse", 0.5),
  CHUNK("chunk", 0.6),
  INDEX("index", 0.95);

  private final String label;
  private final double progressAfter;

  IngestStage(String label, double progressAfter) {
    this.label = label;
    this.progressAfter = progressAfter;
  }

  String label() {
    return label;
  }

  double progressAfter() {
    return progressAfter;
  }
}
