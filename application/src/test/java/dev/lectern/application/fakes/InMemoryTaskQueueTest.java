package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractTaskQueueContractTest;
import dev.lectern.application.port.out.TaskQueue;

class InMemoryTaskQueueTest extends AbstractTaskQueueContractTest {
  @Override
  protected TaskQueue createQueue() {
    return new InMemoryTaskQueue();
  }
}
