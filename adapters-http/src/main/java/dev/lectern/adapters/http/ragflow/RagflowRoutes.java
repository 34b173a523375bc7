package dev.lectern.adapters.http.ragflow;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.DialectRoutes;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.in.answer.ListModelsUseCase;
import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.chunk.ManageChunksUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.dataset.CreateDatasetUseCase;
import dev.lectern.application.port.in.dataset.DeleteDatasetsUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.dataset.UpdateDatasetUseCase;
import dev.lectern.application.port.in.document.DeleteDocumentsUseCase;
import dev.lectern.application.port.in.document.DownloadDocumentUseCase;
import dev.lectern.application.port.in.document.ListDocumentsUseCase;
import dev.lectern.application.port.in.document.ParseDocumentsUseCase;
import dev.lectern.application.port.in.document.StopParsingUseCase;
import dev.lectern.application.port.in.document.UpdateDocumentUseCase;
import dev.lectern.application.port.in.document.UploadDocumentsUseCase;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.function.Consumer;

/** Mounts the RAGFlow dialect under {@code /api/v1}. */
public final class RagflowRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors RAGFlow renders; Zylon's longer {@code /api/v1/…} ones win. */
  public static final String[] PREFIXES = {"/api/v1/"};

  private static final String API = "/api/v1";

  /** The use cases RAGFlow's handlers call. */
  public record UseCases(
      RetrieveChunksUseCase retrieve,
      CreateDatasetUseCase createDataset,
      ListDatasetsUseCase listDatasets,
      UpdateDatasetUseCase updateDataset,
      DeleteDatasetsUseCase deleteDatasets,
      UploadDocumentsUseCase uploadDocuments,
      ListDocumentsUseCase listDocuments,
      UpdateDocumentUseCase updateDocument,
      DownloadDocumentUseCase downloadDocument,
      DeleteDocumentsUseCase deleteDocuments,
      ParseDocumentsUseCase parseDocuments,
      StopParsingUseCase stopParsing,
      ManageChunksUseCase chunks,
      ManageAssistantsUseCase assistants,
      AssistantChecksUseCase assistantChecks,
      ListModelsUseCase models,
      StartConversationUseCase startConversation,
      ManageConversationsUseCase conversations,
      AnswerQuestionUseCase answers,
      AskAssistantUseCase asks) {}

  private final RagflowRetrievalHandlers retrieval;
  private final RagflowDatasetHandlers datasets;
  private final RagflowDocumentHandlers documents;
  private final RagflowParsingHandlers parsing;
  private final RagflowChunkHandlers chunks;
  private final RagflowChatHandlers chats;
  private final RagflowSessionHandlers sessions;
  private final RagflowConverseHandlers converse;
  private final RagflowOpenAiHandlers openAi;
  private final RagflowAgentHandlers agents;
  private final RagflowAgentSessionHandlers agentSessions;
  private final RagflowAgentConverseHandlers agentConverse;
  private final RagflowAgentOpenAiHandlers agentOpenAi;
  private final RequestBodies requestBodies;

  public RagflowRoutes(
      UseCases useCases, BearerAuth bearer, RequestBodies requestBodies, Clock clock) {
    RagflowAuth auth = new RagflowAuth(bearer);
    this.requestBodies = requestBodies;
    RagflowBodies bodies = new RagflowBodies(requestBodies);
    this.retrieval = new RagflowRetrievalHandlers(useCases.retrieve(), auth, bodies);
    this.datasets =
        new RagflowDatasetHandlers(
            new RagflowDatasetHandlers.UseCases(
                useCases.createDataset(),
                useCases.listDatasets(),
                useCases.updateDataset(),
                useCases.deleteDatasets()),
            auth,
            bodies,
            clock);
    this.documents =
        new RagflowDocumentHandlers(
            new RagflowDocumentHandlers.UseCases(
                useCases.listDatasets(),
                useCases.uploadDocuments(),
                useCases.listDocuments(),
                useCases.updateDocument(),
                useCases.downloadDocument(),
                useCases.deleteDocuments()),
            auth,
            bodies,
            requestBodies.maxBytes());
    this.parsing =
        new RagflowParsingHandlers(
            useCases.parseDocuments(),
            useCases.stopParsing(),
            useCases.listDatasets(),
            auth,
            bodies);
    this.chunks =
        new RagflowChunkHandlers(
            useCases.chunks(),
            useCases.listDatasets(),
            useCases.listDocuments(),
            auth,
            bodies,
            clock);
    this.chats =
        new RagflowChatHandlers(
            new RagflowChatHandlers.UseCases(
                useCases.assistants(),
                useCases.listDatasets(),
                useCases.models(),
                useCases.assistantChecks()),
            auth,
            bodies);
    this.sessions =
        new RagflowSessionHandlers(
            new RagflowSessionHandlers.UseCases(
                useCases.assistants(), useCases.startConversation(), useCases.conversations()),
            auth,
            bodies);
    this.converse =
        new RagflowConverseHandlers(
            new RagflowConverseHandlers.UseCases(
                useCases.assistants(),
                useCases.startConversation(),
                useCases.conversations(),
                useCases.answers()),
            auth,
            bodies);
    this.openAi =
        new RagflowOpenAiHandlers(
            new RagflowOpenAiHandlers.UseCases(
                useCases.assistants(), useCases.asks(), useCases.listDocuments()),
            auth,
            bodies);
    this.agents =
        new RagflowAgentHandlers(
            new RagflowAgentHandlers.UseCases(
                useCases.assistants(), useCases.listDatasets(), useCases.assistantChecks()),
            auth,
            bodies);
    this.agentSessions =
        new RagflowAgentSessionHandlers(
            new RagflowAgentSessionHandlers.UseCases(
                useCases.assistants(), useCases.startConversation(), useCases.conversations()),
            auth,
            bodies);
    RagflowAgentRuns runs =
        new RagflowAgentRuns(
            useCases.assistants(), useCases.startConversation(), useCases.conversations());
    this.agentConverse = new RagflowAgentConverseHandlers(runs, useCases.answers(), auth, bodies);
    this.agentOpenAi = new RagflowAgentOpenAiHandlers(runs, useCases.answers(), auth, bodies);
  }

  @Override
  public void accept(RoutesConfig config) {
    DialectRoutes routes = new DialectRoutes(config, new RagflowErrorRenderer());
    routes.post(API + "/retrieval", retrieval::retrieval);
    routes.post(API + "/datasets", datasets::create);
    routes.get(API + "/datasets", datasets::list);
    routes.put(API + "/datasets/{dataset_id}", datasets::update);
    routes.delete(API + "/datasets", datasets::delete);
    String docs = API + "/datasets/{dataset_id}/documents";
    routes.post(docs, documents::upload);
    routes.get(docs, documents::list);
    routes.delete(docs, documents::delete);
    routes.put(docs + "/{document_id}", documents::update);
    routes.get(docs + "/{document_id}", documents::download);
    routes.post(API + "/datasets/{dataset_id}/chunks", parsing::parse);
    routes.delete(API + "/datasets/{dataset_id}/chunks", parsing::stop);
    String chunkPath = docs + "/{document_id}/chunks";
    routes.post(chunkPath, chunks::add);
    routes.get(chunkPath, chunks::list);
    routes.delete(chunkPath, chunks::delete);
    routes.put(chunkPath + "/{chunk_id}", chunks::update);
    routes.patch(chunkPath + "/{chunk_id}", chunks::update);
    routes.post(API + "/chats", chats::create);
    routes.get(API + "/chats", chats::list);
    routes.put(API + "/chats/{chat_id}", chats::update);
    routes.patch(API + "/chats/{chat_id}", chats::update);
    routes.delete(API + "/chats", chats::delete);
    String sessionPath = API + "/chats/{chat_id}/sessions";
    routes.post(sessionPath, sessions::create);
    routes.get(sessionPath, sessions::list);
    routes.delete(sessionPath, sessions::delete);
    routes.put(sessionPath + "/{session_id}", sessions::update);
    routes.patch(sessionPath + "/{session_id}", sessions::update);
    routes.post(API + "/chats/{chat_id}/completions", answering(converse::completions));
    routes.post(API + "/chats_openai/{chat_id}/chat/completions", answering(openAi::completions));
    routes.post(API + "/openai/{chat_id}/chat/completions", answering(openAi::completions));
    routes.post(API + "/agents", agents::create);
    routes.get(API + "/agents", agents::list);
    routes.put(API + "/agents/{agent_id}", agents::update);
    routes.delete(API + "/agents/{agent_id}", agents::delete);
    String agentSessionPath = API + "/agents/{agent_id}/sessions";
    routes.post(agentSessionPath, agentSessions::create);
    routes.get(agentSessionPath, agentSessions::list);
    routes.delete(agentSessionPath, agentSessions::delete);
    routes.post(API + "/agents/{agent_id}/completions", answering(agentConverse::completions));
    routes.post(
        API + "/agents_openai/{agent_id}/chat/completions", answering(agentOpenAi::completions));
  }

  /** An answer route, admitted and limited as answers are. */
  private Handler answering(Handler handler) {
    return requestBodies.answering(handler);
  }
}
