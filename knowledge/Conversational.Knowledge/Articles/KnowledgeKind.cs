namespace Conversational.Knowledge.Articles;

/// <summary>What an entry is: a FAQ (常见问题) answers the questions it lists; an article (知识文章) is longer reading.</summary>
public enum KnowledgeKind
{
    Faq,
    Article,
}

/// <summary>
/// Whether the bot may answer with an entry. Entries are retired (下线), never deleted, so their history and the
/// citations in past conversations stay readable.
/// </summary>
public enum KnowledgeStatus
{
    Active,
    Retired,
}
