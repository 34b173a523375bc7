package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.application.error.TooManyRequests;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerAdmissionTest {
  private final AnswerAdmission admission =
      new AnswerAdmission(new AnswerAdmission.Settings(1000, 400, 2, Duration.ofMillis(200)));

  @Test
  void requestsPastTheBudgetAreRefusedAfterAShortWaitAndAdmittedOnceRoomIsMade() throws Exception {
    AnswerAdmission.Ticket first = admission.admit();
    AnswerAdmission.Ticket second = admission.admit();
    assertThat(admission.inUse()).isEqualTo(800);

    assertThatThrownBy(admission::admit)
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("memory");

    CompletableFuture<AnswerAdmission.Ticket> waiting =
        CompletableFuture.supplyAsync(admission::admit);
    first.close();
    AnswerAdmission.Ticket third = waiting.get(5, TimeUnit.SECONDS);
    assertThat(admission.inUse()).isEqualTo(800);
    second.close();
    third.close();
    third.close();
    assertThat(admission.inUse()).isZero();
  }

  @Test
  void aBodyTakesRoomByItsSizeAndOneLargerThanTheBudgetIsRefusedWithoutWaiting() {
    AnswerAdmission patient =
        new AnswerAdmission(new AnswerAdmission.Settings(1000, 400, 2, Duration.ofMinutes(10)));
    AnswerAdmission.Ticket ticket = patient.admit();
    ticket.take(patient.costOfBody(250));
    assertThat(ticket.held()).isEqualTo(900);
    ticket.close();

    AnswerAdmission.Ticket other = patient.admit();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> other.take(patient.costOfBody(10_000)))
                .isInstanceOf(TooManyRequests.class));
    other.close();
    assertThat(patient.inUse()).isZero();
  }
}
