package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.application.error.PayloadTooLarge;
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
    AnswerAdmission.Ticket first = admission.admit(0);
    AnswerAdmission.Ticket second = admission.admit(0);
    assertThat(admission.inUse()).isEqualTo(800);

    assertThatThrownBy(() -> admission.admit(0))
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("memory");

    CompletableFuture<AnswerAdmission.Ticket> waiting =
        CompletableFuture.supplyAsync(() -> admission.admit(0));
    first.close();
    AnswerAdmission.Ticket third = waiting.get(5, TimeUnit.SECONDS);
    assertThat(admission.inUse()).isEqualTo(800);
    second.close();
    third.close();
    third.close();
    assertThat(admission.inUse()).isZero();
  }

  @Test
  void aRequestTakesItsReserveAndDeclaredBodyAtOnceAndOneThatCouldNeverFitIsTooLarge() {
    AnswerAdmission patient =
        new AnswerAdmission(new AnswerAdmission.Settings(1000, 400, 2, Duration.ofMinutes(10)));
    AnswerAdmission.Ticket ticket = patient.admit(250);
    assertThat(ticket.held()).isEqualTo(900);
    assertThat(patient.largestBody()).isEqualTo(300);
    ticket.close();

    AnswerAdmission.Ticket growing = patient.admit(0);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          assertThatThrownBy(() -> patient.admit(301)).isInstanceOf(PayloadTooLarge.class);
          growing.take(patient.costOfBody(300));
          assertThatThrownBy(() -> growing.take(patient.costOfBody(1)))
              .as("what a ticket holds counts: it could never have more")
              .isInstanceOf(PayloadTooLarge.class);
        });
    growing.close();
    assertThat(patient.inUse()).isZero();
  }
}
