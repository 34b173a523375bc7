package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerKeySlotsTest {
  @Test
  void aKeyHoldsAtMostItsSlotsAndAReleasedOneIsForgotten() {
    PerKeySlots slots = new PerKeySlots(2);

    assertThat(slots.tryAcquire("a")).isTrue();
    assertThat(slots.tryAcquire("a")).isTrue();
    assertThat(slots.tryAcquire("a")).isFalse();
    assertThat(slots.tryAcquire("b")).isTrue();
    slots.release("a");
    assertThat(slots.tryAcquire("a")).isTrue();
    slots.release("a");
    slots.release("a");
    slots.release("b");
    assertThat(slots.keys()).isZero();
  }
}
