package dev.lectern.domain.flow;

/**
 * A template of a flow grows past a limit once filled in: longer than {@link
 * FlowRenderer#MAX_RENDERED} characters, or showing the passages more than {@link
 * FlowRenderer#MAX_PASSAGE_PLACES} times.
 */
public final class FlowTooLarge extends RuntimeException {
  /** Which template of the flow. */
  public enum Place {
    /** The Message step's template. */
    MESSAGE,
    /** The Generate step's system prompt. */
    INSTRUCTIONS,
    /** The Generate step's user turn. */
    QUESTION
  }

  /** What grew too large. */
  public enum Limit {
    LENGTH,
    PASSAGE_PLACES
  }

  private final Place place;
  private final Limit limit;

  FlowTooLarge(Place place, Limit limit) {
    super(place + " exceeds its " + limit + " limit");
    this.place = place;
    this.limit = limit;
  }

  public Place place() {
    return place;
  }

  public Limit limit() {
    return limit;
  }
}
