package dev.lectern.application.fakes;

import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.application.service.access.AuthenticateService;
import dev.lectern.application.service.access.InitializeInstallationService;
import dev.lectern.application.service.answer.AnswerPipeline;
import dev.lectern.application.service.answer.AnswerQuestionService;
import dev.lectern.application.service.answer.AskAssistantService;
import dev.lectern.application.service.answer.CheckReplyService;
import dev.lectern.application.service.answer.ComposeReplyService;
import dev.lectern.application.service.answer.CountPromptTokensService;
import dev.lectern.application.service.answer.ListModelsService;
import dev.lectern.application.service.artifact.ArtifactSelection;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.ArtifactTaskService;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ListArtifactsService;
import dev.lectern.application.service.artifact.ReadChunkedContentService;
import dev.lectern.application.service.artifact.ReadContentService;
import dev.lectern.application.service.assistant.AssistantService;
import dev.lectern.application.service.conversation.AnonymousQuota;
import dev.lectern.application.service.conversation.ManageConversationsService;
import dev.lectern.application.service.conversation.StartConversationService;
import dev.lectern.application.service.health.CheckHealthService;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.org.OrgSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixture: the application wired over the fakes, with no database, index or network, so that a use
 * case, or a dialect's handlers over it, is cheap to test. Every part is public: a test reaches
 * into the stores to arrange and to check. The language model is a {@link ScriptedLanguageModel};
 * background tasks are queued but never run.
 */
public final class InMemoryLectern {
  /** The admin token of the installation; it reaches the default org. */
  public static final String ADMIN_TOKEN = "lectern-admin-token-for-tests";

  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  public final InMemoryOrgStore orgs = new InMemoryOrgStore();
  public final InMemoryTokenStore tokens = new InMemoryTokenStore();
  public final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  public final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  public final InMemoryDocumentStore documents = new InMemoryDocumentStore();
  public final InMemoryChunkIndex index = new InMemoryChunkIndex();
  public final InMemoryBlobStore blobs = new InMemoryBlobStore();
  public final InMemoryTaskQueue tasks = new InMemoryTaskQueue();
  public final InMemoryConversationStore conversations = new InMemoryConversationStore();
  public final InMemoryAssistantStore assistantStore = new InMemoryAssistantStore(conversations);
  public final ScriptedLanguageModel model = new ScriptedLanguageModel();
  public final WordChunker chunker = new WordChunker();

  public final ArtifactSelection selection = new ArtifactSelection(collections, artifacts);
  public final ArtifactTaskGuard guard = new ArtifactTaskGuard(tasks);
  public final IngestArtifactService ingest;
  public final DeleteArtifactService delete =
      new DeleteArtifactService(artifacts, index, guard, documents);
  public final ListArtifactsService listArtifacts = new ListArtifactsService(selection);
  public final ReadContentService readContent = new ReadContentService(selection, blobs);
  public final ReadChunkedContentService readChunked =
      new ReadChunkedContentService(selection, index, chunker);
  public final RetrieveChunksService retrieve =
      new RetrieveChunksService(collections, artifacts, documents, index);
  public final TaskAdminService taskAdmin = new TaskAdminService(tasks, clock);
  public final ArtifactTaskService artifactTasks =
      new ArtifactTaskService(
          new TaskSubmitter(
              tasks,
              new RecordingTaskEvents(),
              clock,
              new TaskSubmitter.Limits(1_000, 3),
              () -> {}),
          taskAdmin,
          guard,
          artifacts,
          blobs);
  public final AuthenticateService authenticate =
      new AuthenticateService(tokens, orgs, assistantStore, clock);
  public final AssistantService assistants =
      new AssistantService(assistantStore, collections, model, tokens, clock);
  final AnswerPipeline pipeline = new AnswerPipeline(retrieve, model, model);
  public final AnswerQuestionService answers =
      new AnswerQuestionService(
          assistantStore,
          conversations,
          pipeline,
          clock,
          new AnonymousQuota(conversations, AnonymousQuota.Limits.UNLIMITED));
  public final AskAssistantService asks = new AskAssistantService(assistantStore, pipeline);
  public final ComposeReplyService replies = new ComposeReplyService(pipeline);
  public final CountPromptTokensService promptTokens = new CountPromptTokensService(pipeline);
  public final CheckReplyService replyChecks = new CheckReplyService(pipeline);
  public final ListModelsService modelList = new ListModelsService(model);
  public final StartConversationService starts =
      new StartConversationService(assistantStore, conversations, clock);
  public final ManageConversationsService conversationAdmin =
      new ManageConversationsService(assistantStore, conversations, clock);
  public final CheckHealthService health =
      new CheckHealthService(List.of(Optional::empty), clock, Duration.ZERO);

  /** An installation with its default org and {@link #ADMIN_TOKEN}; URI ingest is refused. */
  public InMemoryLectern() {
    this(
        uri -> {
          throw new IllegalStateException("no fetches in memory");
        },
        1_000_000);
  }

  /** As {@link #InMemoryLectern()}, fetching URIs with {@code fetcher}, documents up to a size. */
  public InMemoryLectern(ContentFetcher fetcher, long maxInputBytes) {
    ingest =
        new IngestArtifactService(
            collections,
            artifacts,
            index,
            chunker,
            new PlainTextParser(),
            blobs,
            fetcher,
            new IngestPolicy(maxInputBytes, Language.ENGLISH),
            guard,
            clock);
    new InitializeInstallationService(orgs, tokens, clock).initialize(ADMIN_TOKEN);
  }

  /** The id of the default org, where {@link #ADMIN_TOKEN} works. */
  public String defaultOrgId() {
    return orgs.findBySlug(OrgSlug.DEFAULT).orElseThrow().id();
  }

  /** Ingests a text into a collection of the default org, creating the collection if needed. */
  public void ingestText(String collection, String artifactId, String fileName, String text) {
    ingest.ingest(
        new IngestArtifactCommand(
            defaultOrgId(),
            new CollectionId(collection),
            new ArtifactId(artifactId),
            new ArtifactInput.Text(text),
            Map.of("file_name", fileName)));
  }
}
