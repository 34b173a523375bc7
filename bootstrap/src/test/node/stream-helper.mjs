// What OpenAI's Node SDK's stream helper makes of a stream: for each target (name=baseURL) and
// with and without stream_options.include_usage, one JSON line with the completion it gathered
// (chat.completions.stream(...).finalChatCompletion()), or the error it threw.
import OpenAI from 'openai';

const [apiKey, question, ...targets] = process.argv.slice(2);
for (const target of targets) {
  const [name, baseURL] = target.split(/=(.*)/s);
  for (const includeUsage of [false, true]) {
    const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
    const line = { name, include_usage: includeUsage };
    try {
      const stream = client.chat.completions.stream({
        model: 'model',
        messages: [{ role: 'user', content: question }],
        ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      });
      const completion = await stream.finalChatCompletion();
      const choice = completion.choices[0];
      Object.assign(line, {
        content: choice.message.content,
        role: choice.message.role,
        finish_reason: choice.finish_reason,
        usage: completion.usage ?? null,
      });
    } catch (error) {
      line.error = String(error && error.message);
    }
    console.log(JSON.stringify(line));
  }
}
