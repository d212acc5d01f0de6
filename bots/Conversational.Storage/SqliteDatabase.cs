using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Conversational.Storage;

/// <summary>The embedded default: one SQLite file, one host process.</summary>
public sealed class SqliteDatabase : Database
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (extended result codes).
    private const int PrimaryKeyViolation = 1555;
    private const int UniqueViolation = 2067;

    private readonly KeyedLock _locks = new();

    // SQLite has one writer at a time; waiting here is asynchronous and fair, unlike the driver's busy-retry sleep.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string path)
        : base(new SqliteDataSource(BuildConnectionString(path)))
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string JsonType => "TEXT";

    public override string Json(string parameterName) => parameterName;

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: PrimaryKeyViolation or UniqueViolation };

    protected override SemaphoreSlim? WriterGate => _writer;

    public override async ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken) =>
        await _locks.AcquireAsync(key, cancellationToken);

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // WAL lets readers (activity polls, the push stream) run while a turn writes; the setting lives in the file.
        await ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static string BuildConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Seconds a writer waits for another writer before SQLITE_BUSY surfaces.
        DefaultTimeout = 30,
    }.ToString();
}
