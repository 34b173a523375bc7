package dev.lectern.domain.conversation;

/** Value: a model asking for a tool, with its arguments as the JSON text the model wrote. */
public record ToolCall(String id, String name, String arguments) {}
