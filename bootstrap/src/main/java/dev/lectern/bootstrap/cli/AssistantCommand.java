package dev.lectern.bootstrap.cli;

import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.service.assistant.AssistantService;
import dev.lectern.bootstrap.ChatWiring;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.ApiToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assistant create|list|show|update|delete} and {@code assistant key create|revoke}. */
@Command(
    name = "assistant",
    mixinStandardHelpOptions = true,
    description = "Manage assistants and their keys.",
    subcommands = {
      AssistantCommand.Create.class,
      AssistantCommand.ListAssistants.class,
      AssistantCommand.Show.class,
      AssistantCommand.Update.class,
      AssistantCommand.Delete.class,
      AssistantCommand.Key.class
    })
public final class AssistantCommand {
  private static final String ROW = "%-36s  %-24s  %-10s  %-9s  %-8s  %s%n";

  /** A command on one organization's assistants. */
  abstract static class InOrg extends StoreCommand {
    @Option(names = "--org", defaultValue = "default", description = "Org slug (default: default).")
    String org;

    @Mixin LlmOptions llm;

    String orgId(MetadataStores stores) {
      return stores
          .orgs()
          .findBySlug(new OrgSlug(org))
          .orElseThrow(() -> new IllegalArgumentException("no org '" + org + "'"))
          .id();
    }

    AssistantService service(MetadataStores stores) {
      return ChatWiring.assistants(stores, ChatWiring.roster(llm.config()), Clock.systemUTC());
    }
  }

  /** {@code assistant create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an assistant.")
  static final class Create extends InOrg {
    @Option(names = "--name", required = true, description = "Unique within the org.")
    String name;

    @Option(
        names = "--collection",
        description = "A collection (dataset) it answers from; repeat for several.")
    List<String> collections = new ArrayList<>();

    @Option(
        names = "--system-prompt",
        description = "Its instructions; {knowledge} marks the passages.")
    String systemPrompt;

    @Option(names = "--opener", description = "The first message of a conversation.")
    String opener;

    @Option(names = "--model", description = "A configured model's name (default: the server's).")
    String model;

    @Option(names = "--public", description = "Anyone may ask it, without a token.")
    boolean open;

    @Override
    void run(MetadataStores stores) {
      AssistantDraft draft =
          AssistantDraft.EMPTY
              .withName(name)
              .withSystemPrompt(systemPrompt)
              .withOpener(opener)
              .withCollections(collections.stream().map(CollectionId::new).toList())
              .withModel(model)
              .withAccess(open ? Access.PUBLIC : null);
      Assistant created = service(stores).create(orgId(stores), draft);
      out().println("Created assistant " + created.id() + " (" + created.name() + ")");
    }
  }

  /** {@code assistant update ID --access … --status …}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change who may ask an assistant, or suspend it.")
  static final class Update extends InOrg {
    @Parameters(paramLabel = "ID", description = "The id shown by 'assistant list'.")
    String id;

    @Option(names = "--access", description = "public (anyone may ask it) or private.")
    String access;

    @Option(names = "--status", description = "active, or suspended (it answers no one).")
    String status;

    @Override
    void run(MetadataStores stores) {
      AssistantDraft draft =
          AssistantDraft.EMPTY
              .withAccess(access == null ? null : Access.valueOf(upper(access, "access")))
              .withStatus(status == null ? null : AssistantStatus.valueOf(upper(status, "status")));
      Assistant changed = service(stores).update(orgId(stores), id, draft);
      out()
          .println(
              "Assistant "
                  + changed.id()
                  + ": "
                  + lower(changed.access())
                  + ", "
                  + lower(changed.status()));
    }

    private static String upper(String value, String option) {
      String name = value.strip().toUpperCase(java.util.Locale.ROOT);
      boolean known =
          option.equals("access")
              ? java.util.Arrays.stream(Access.values()).anyMatch(a -> a.name().equals(name))
              : java.util.Arrays.stream(AssistantStatus.values())
                  .anyMatch(a -> a.name().equals(name));
      if (!known) {
        throw new IllegalArgumentException("--" + option + ": unknown value '" + value + "'");
      }
      return name;
    }
  }

  /** {@code assistant list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List assistants.")
  static final class ListAssistants extends InOrg {
    @Override
    void run(MetadataStores stores) {
      out().printf(ROW, "ID", "NAME", "MODEL", "ACCESS", "STATUS", "COLLECTIONS");
      for (Assistant assistant : service(stores).list(orgId(stores))) {
        out()
            .printf(
                ROW,
                assistant.id(),
                assistant.name(),
                assistant.model().model() == null ? "default" : assistant.model().model(),
                lower(assistant.access()),
                lower(assistant.status()),
                String.join(
                    ",", assistant.collections().stream().map(CollectionId::value).toList()));
      }
    }
  }

  /** {@code assistant show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one assistant.")
  static final class Show extends InOrg {
    @Parameters(paramLabel = "ID", description = "The id shown by 'assistant list'.")
    String id;

    @Override
    void run(MetadataStores stores) {
      AssistantService service = service(stores);
      Assistant a = service.find(orgId(stores), id);
      line("id", a.id());
      line("name", a.name());
      line("description", a.description());
      line(
          "collections",
          String.join(", ", a.collections().stream().map(CollectionId::value).toList()));
      line("model", a.model().model() == null ? "default" : a.model().model());
      line(
          "sampling",
          "temperature "
              + a.model().temperature()
              + ", top_p "
              + a.model().topP()
              + ", max_tokens "
              + a.model().maxTokens());
      line(
          "retrieval",
          "top_n "
              + a.retrieval().topN()
              + ", similarity_threshold "
              + a.retrieval().similarityThreshold());
      line("history_window", String.valueOf(a.historyWindow()));
      line("access", lower(a.access()));
      line("status", lower(a.status()));
      line("opener", a.opener());
      line("system_prompt", a.systemPrompt().replace("\n", "\\n"));
      line("timeweb agent", "/api/v1/cloud-ai/agents/" + a.id() + " (agent_id " + a.id() + ")");
      line("aiflowy bot", "POST /v1/chat/completions with one of its keys");
      List<ApiToken> keys = service.keys(a.orgId(), a.id());
      line("keys", keys.isEmpty() ? "none" : "");
      for (ApiToken key : keys) {
        out()
            .println(
                "  "
                    + key.id()
                    + "  "
                    + key.name()
                    + "  "
                    + (key.revoked() ? "revoked" : "active")
                    + "  last used "
                    + (key.lastUsedAt() == null ? "never" : key.lastUsedAt()));
      }
    }

    private void line(String label, String value) {
      out().printf("%-15s %s%n", label + ":", value);
    }
  }

  /** {@code assistant delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete an assistant with its conversations; its keys are revoked.")
  static final class Delete extends InOrg {
    @Parameters(paramLabel = "ID", description = "The id shown by 'assistant list'.")
    String id;

    @Override
    void run(MetadataStores stores) {
      service(stores).delete(orgId(stores), id);
      out().println("Deleted assistant " + id);
    }
  }

  /** {@code assistant key create|revoke}. */
  @Command(
      name = "key",
      mixinStandardHelpOptions = true,
      description = "Keys that reach one assistant only.",
      subcommands = {Key.CreateKey.class, Key.RevokeKey.class})
  static final class Key {
    /** {@code assistant key create ID --name N}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key.")
    static final class CreateKey extends InOrg {
      @Parameters(paramLabel = "ID", description = "The assistant's id.")
      String id;

      @Option(names = "--name", required = true, description = "A name to recognise it by.")
      String name;

      @Override
      void run(MetadataStores stores) {
        CreatedToken key = service(stores).createKey(orgId(stores), id, name);
        out().println("Key " + key.token().id() + " for assistant " + id);
        out().println("Secret (shown once): " + key.secret());
      }
    }

    /** {@code assistant key revoke ID KEY_ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
    static final class RevokeKey extends InOrg {
      @Parameters(index = "0", paramLabel = "ID", description = "The assistant's id.")
      String id;

      @Parameters(index = "1", paramLabel = "KEY_ID", description = "The key's id.")
      String keyId;

      @Override
      void run(MetadataStores stores) {
        service(stores).revokeKey(orgId(stores), id, keyId);
        out().println("Revoked key " + keyId);
      }
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
