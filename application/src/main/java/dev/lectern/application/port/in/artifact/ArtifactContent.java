package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;

/** An artifact with its full extracted text (markdown). */
public record ArtifactContent(Artifact artifact, String text) {}
