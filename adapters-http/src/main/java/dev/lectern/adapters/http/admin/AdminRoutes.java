package dev.lectern.adapters.http.admin;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.DialectRoutes;
import dev.lectern.adapters.http.common.RequestBodies;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Mounts Lectern's own API under {@code /lectern/v1}. */
public final class AdminRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors the admin renderer writes. */
  public static final String[] PREFIXES = {"/lectern/"};

  private static final String TASKS = "/lectern/v1/tasks";

  private static final String ASSISTANTS = "/lectern/v1/assistants";
  private static final String ASSISTANT = ASSISTANTS + "/{assistant_id}";

  private final AdminTaskHandlers tasks;
  private final AdminAssistantHandlers assistants;

  public AdminRoutes(
      AdminTaskHandlers.UseCases taskUseCases,
      AdminAssistantHandlers.UseCases assistantUseCases,
      BearerAuth auth,
      RequestBodies bodies) {
    this.tasks = new AdminTaskHandlers(taskUseCases, auth);
    this.assistants = new AdminAssistantHandlers(assistantUseCases, auth, bodies);
  }

  @Override
  public void accept(RoutesConfig config) {
    DialectRoutes routes = new DialectRoutes(config, new AdminErrorRenderer());
    routes.get(TASKS, tasks::list);
    routes.get(TASKS + "/{task_id}", tasks::find);
    routes.post(TASKS + "/{task_id}/cancel", tasks::cancel);
    routes.post(ASSISTANTS, assistants::create);
    routes.get(ASSISTANTS, assistants::list);
    routes.get(ASSISTANT, assistants::find);
    routes.patch(ASSISTANT, assistants::update);
    routes.delete(ASSISTANT, assistants::delete);
    routes.post(ASSISTANT + "/keys", assistants::createKey);
    routes.get(ASSISTANT + "/keys", assistants::listKeys);
    routes.delete(ASSISTANT + "/keys/{key_id}", assistants::revokeKey);
    routes.get(ASSISTANT + "/anonymous-conversations", assistants::anonymousUsage);
    routes.delete(ASSISTANT + "/anonymous-conversations", assistants::purgeAnonymous);
  }
}
