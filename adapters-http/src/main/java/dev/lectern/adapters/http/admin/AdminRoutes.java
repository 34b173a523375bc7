package dev.lectern.adapters.http.admin;

import dev.lectern.adapters.http.common.BearerAuth;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Mounts Lectern's own API under {@code /lectern/v1}. */
public final class AdminRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors the admin renderer writes. */
  public static final String[] PREFIXES = {"/lectern/"};

  private static final String TASKS = "/lectern/v1/tasks";

  private final AdminTaskHandlers tasks;

  public AdminRoutes(AdminTaskHandlers.UseCases taskUseCases, BearerAuth auth) {
    this.tasks = new AdminTaskHandlers(taskUseCases, auth);
  }

  @Override
  public void accept(RoutesConfig routes) {
    routes.get(TASKS, tasks::list);
    routes.get(TASKS + "/{task_id}", tasks::find);
    routes.post(TASKS + "/{task_id}/cancel", tasks::cancel);
  }
}
