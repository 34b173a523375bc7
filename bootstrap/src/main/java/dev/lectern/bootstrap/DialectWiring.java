package dev.lectern.bootstrap;

import dev.lectern.adapters.http.admin.AdminAssistantHandlers;
import dev.lectern.adapters.http.admin.AdminErrorRenderer;
import dev.lectern.adapters.http.admin.AdminRoutes;
import dev.lectern.adapters.http.admin.AdminTaskHandlers;
import dev.lectern.adapters.http.aiflowy.AiflowyErrorRenderer;
import dev.lectern.adapters.http.aiflowy.AiflowyRoutes;
import dev.lectern.adapters.http.common.AnswerAdmission;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.BodyLimit;
import dev.lectern.adapters.http.common.ErrorRenderer;
import dev.lectern.adapters.http.common.ErrorRouting;
import dev.lectern.adapters.http.common.LecternServer;
import dev.lectern.adapters.http.common.RateLimiter;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.ragflow.RagflowErrorRenderer;
import dev.lectern.adapters.http.ragflow.RagflowRoutes;
import dev.lectern.adapters.http.timeweb.TimewebErrorRenderer;
import dev.lectern.adapters.http.timeweb.TimewebRoutes;
import dev.lectern.adapters.http.zylon.ZylonArtifactHandlers;
import dev.lectern.adapters.http.zylon.ZylonErrorRenderer;
import dev.lectern.adapters.http.zylon.ZylonMessagesHandlers;
import dev.lectern.adapters.http.zylon.ZylonRoutes;
import dev.lectern.application.port.in.health.CheckHealthUseCase;
import dev.lectern.application.service.access.AuthenticateService;
import dev.lectern.application.service.artifact.ListArtifactsService;
import dev.lectern.application.service.artifact.ReadChunkedContentService;
import dev.lectern.application.service.artifact.ReadContentService;
import dev.lectern.application.service.document.ParsingService;
import dev.lectern.domain.conversation.ConversationTree;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wiring of the dialects: each one's routes and error format over the areas' use cases. */
final class DialectWiring {
  private DialectWiring() {}

  /** The HTTP server with every dialect's routes, not yet started. */
  static LecternServer server(
      LecternConfig config,
      MetadataStores stores,
      KnowledgeWiring knowledge,
      TaskWiring tasks,
      ChatWiring chat,
      CheckHealthUseCase health,
      Clock clock) {
    var auth =
        new BearerAuth(
            new AuthenticateService(stores.tokens(), stores.orgs(), stores.assistants(), clock));
    var bodies = requestBodies(config);
    var artifactTasks = knowledge.artifactTasks(tasks);
    var zylon =
        new ZylonRoutes(
            new ZylonArtifactHandlers.UseCases(
                knowledge.ingest,
                new ListArtifactsService(knowledge.selection),
                new ReadContentService(knowledge.selection, knowledge.blobs),
                new ReadChunkedContentService(
                    knowledge.selection, knowledge.index, knowledge.chunker),
                knowledge.delete,
                artifactTasks,
                artifactTasks,
                artifactTasks,
                knowledge.retrieve),
            new ZylonMessagesHandlers.UseCases(
                chat.replies(), chat.promptTokens(), chat.replyChecks(), chat.modelList()),
            health,
            auth,
            bodies,
            config.ingest().maxInputBytes());
    ParsingService parsing = knowledge.parsing(tasks);
    var datasets = knowledge.datasets;
    var documents = knowledge.documents;
    var ragflow =
        new RagflowRoutes(
            new RagflowRoutes.UseCases(
                knowledge.retrieve,
                datasets,
                datasets,
                datasets,
                datasets,
                documents,
                documents,
                knowledge.updateDocument,
                documents,
                documents,
                parsing,
                parsing,
                knowledge.chunks,
                chat.assistants(),
                chat.assistantChecks(),
                chat.modelList(),
                chat.starts(),
                chat.conversations(),
                chat.answers(),
                chat.asks()),
            auth,
            bodies,
            clock);
    var admin =
        new AdminRoutes(
            new AdminTaskHandlers.UseCases(tasks.admin(), tasks.admin(), tasks.admin()),
            new AdminAssistantHandlers.UseCases(
                chat.assistants(), chat.assistants(), chat.anonymous()),
            auth,
            bodies);
    var aiflowy = new AiflowyRoutes(chat.asks(), auth, bodies);
    LecternConfig.Http http = config.http();
    var timeweb =
        new TimewebRoutes(
            new TimewebRoutes.UseCases(
                chat.assistants(),
                chat.starts(),
                chat.conversations(),
                chat.answers(),
                chat.asks()),
            auth,
            bodies,
            new RateLimiter(
                http.publicCallsPerMinute(),
                config.answers().publicBytesPerMinute(),
                Duration.ofMinutes(1)));
    return new LecternServer(
        new LecternServer.Settings(http.host(), http.port(), http.maxBodyBytes()),
        errorRouting(),
        List.of(zylon, ragflow, admin, aiflowy, timeweb));
  }

  /** What one byte of an answer request's body costs in memory once parsed and passed on. */
  private static final int BYTES_PER_BODY_BYTE = 6;

  /**
   * What one answer holds, per character it may grow to: the model's text as it is read, as it is
   * written and as it is stored, in two bytes a character at worst, with room to grow.
   */
  private static final int BYTES_PER_ANSWER_CHAR = 12;

  /**
   * What one answer request holds besides its answer and body: the stored history it may read (two
   * bytes a character, twice: as read and as sent to the model) and the rest of its work.
   */
  private static final long BYTES_PER_REQUEST =
      4L * ConversationTree.MAX_HISTORY_CHARS + 256 * 1024;

  /** Bodies under the server's limit, answer requests under the answer side's. */
  static RequestBodies requestBodies(LecternConfig config) {
    LecternConfig.Answers answers = config.answers();
    long maxBody = config.http().maxBodyBytes();
    var limits =
        new RequestBodies.AnswerLimits(
            new BodyLimit(
                Math.min(maxBody, answers.maxChatBodyBytes()), answers.maxQuestionChars()),
            BodyLimit.forStrings(answers.maxPublicQuestionChars()));
    var admission =
        new AnswerAdmission(
            new AnswerAdmission.Settings(
                answers.memoryBudget(),
                (long) BYTES_PER_ANSWER_CHAR * answers.maxAnswerChars() + BYTES_PER_REQUEST,
                BYTES_PER_BODY_BYTE,
                Duration.ofSeconds(5)));
    return new RequestBodies(maxBody, limits, admission);
  }

  /** Which dialect renders the errors of a path no route matched, by its prefix. */
  private static ErrorRouting errorRouting() {
    ZylonErrorRenderer zylonErrors = new ZylonErrorRenderer();
    ErrorRouting errors = new ErrorRouting(zylonErrors);
    add(errors, ZylonRoutes.PREFIXES, zylonErrors);
    add(errors, RagflowRoutes.PREFIXES, new RagflowErrorRenderer());
    add(errors, AdminRoutes.PREFIXES, new AdminErrorRenderer());
    add(errors, AiflowyRoutes.PREFIXES, new AiflowyErrorRenderer());
    add(errors, TimewebRoutes.PREFIXES, new TimewebErrorRenderer());
    return errors;
  }

  private static void add(ErrorRouting errors, String[] prefixes, ErrorRenderer renderer) {
    for (String prefix : prefixes) {
      errors.add(prefix, renderer);
    }
  }
}
