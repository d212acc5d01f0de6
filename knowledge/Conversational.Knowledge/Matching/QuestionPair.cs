namespace Conversational.Knowledge.Matching;

/// <summary>Two questions and whether they ask the same thing (同义问句).</summary>
public sealed record QuestionPair(string Text1, string Text2, bool Same);
