using System.Collections.Concurrent;
using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using TradingBot.Core.Risk;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Risk;

/// <summary>
/// Risk books: table <c>RiskState</c>, <c>PK = account</c>, <c>RK = "book"</c>, the book as JSON (decimals as
/// strings). Writers race (two signals approved at once both reserve exposure; fills release it), so every write is
/// ETag-checked: a lost race is a <see cref="ConcurrencyConflictException"/> and the writer re-reads and decides again.
/// Within one process, writers take <see cref="LockAsync"/> first, so concurrent deliveries for one account queue
/// instead of losing the race over and over (a burst of signals used to exhaust the retries and the deliveries).
/// </summary>
public sealed class RiskStateStore(TableClients tables, PartitionLocks? locks = null, TimeProvider? time = null)
{
    private readonly PartitionLocks _locks = locks ?? new PartitionLocks();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private const string BookKey = "book";
    private const int MaxJsonLength = 30_000;
    private readonly ConcurrentDictionary<string, RecentValue<RiskBook?>> _recent = new(StringComparer.Ordinal);

    /// <summary>
    /// Serialises this process's read-modify-write cycles of <paramref name="account"/>'s book (hold it from the read to
    /// the save). ETags stay the guarantee across processes; this only stops writers in one process racing each other.
    /// </summary>
    public Task<IDisposable> LockAsync(string account, CancellationToken ct) => _locks.AcquireAsync("risk-book|" + account, ct);

    /// <summary>The account's book as stored now (null: none yet).</summary>
    public Task<RiskBook?> GetAsync(string account, CancellationToken ct) => GetRecentAsync(account, TimeSpan.Zero, ct);

    /// <summary>
    /// The account's book as this process last read or wrote it, if that was at most <paramref name="maxAge"/> ago; else
    /// as stored now. For readers that may act on a slightly older book (it is as if they had run a moment earlier) and
    /// for writers whose save is ETag-checked anyway (a stale book loses the race and they re-read with
    /// <see cref="GetAsync"/>). Every book this process saves is remembered at once.
    /// </summary>
    public Task<RiskBook?> GetRecentAsync(string account, TimeSpan maxAge, CancellationToken ct) =>
        Recent(account).GetAsync(_time, maxAge, () => ReadAsync(account, ct));

    private RecentValue<RiskBook?> Recent(string account) => _recent.GetOrAdd(account, _ => new RecentValue<RiskBook?>());

    private async Task<RiskBook?> ReadAsync(string account, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.RiskState, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(account), BookKey, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var document = StorageJson.Read<BookDocument>(entity, "Book");
        return new RiskBook(account, document.State)
        {
            Day = document.Day,
            DayStartEquity = document.DayStartEquity,
            Pending = document.Pending.ToImmutableDictionary(StringComparer.Ordinal),
            FlattenRequestedAt = document.FlattenRequestedAt,
            ETag = entity.ETag.ToString(),
        };
    }

    /// <summary>Every account's risk book (one row per account: a small table).</summary>
    public async Task<IReadOnlyList<RiskBook>> ListAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(TableNames.RiskState, ct);
        var accounts = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {BookKey}"), select: ["Account"], cancellationToken: ct))
        {
            accounts.Add(row.GetText("Account"));
        }

        var books = new List<RiskBook>();
        foreach (var account in accounts)
        {
            if (await GetAsync(account, ct) is { } book)
            {
                books.Add(book);
            }
        }

        return [.. books.OrderBy(b => b.Account, StringComparer.Ordinal)];
    }

    /// <summary>Writes the book: added when it has no ETag (409 = someone created it first), else replaced if unchanged since read (412).</summary>
    public async Task<RiskBook> SaveAsync(RiskBook book, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var json = StorageJson.Write(new BookDocument(book.State, book.Day, book.DayStartEquity, book.Pending) { FlattenRequestedAt = book.FlattenRequestedAt });
        if (json.Length > MaxJsonLength)
        {
            throw new InvalidOperationException($"The risk book of {book.Account} is too large to store ({json.Length} characters).");
        }

        var table = await tables.GetAsync(TableNames.RiskState, ct);
        var row = new TableEntity(TableKeys.Escape(book.Account), BookKey) { ["Account"] = book.Account, ["Book"] = json };
        var recent = Recent(book.Account);
        var written = _time.GetUtcNow();
        try
        {
            var response = book.ETag is { } etag
                ? await table.UpdateEntityAsync(row, new ETag(etag), TableUpdateMode.Replace, ct)
                : await table.AddEntityAsync(row, ct);
            var saved = book with { ETag = response.Headers.ETag?.ToString() };
            recent.Written(saved, written);
            return saved;
        }
        catch (RequestFailedException ex) when (ex.IsRace())
        {
            recent.Changed();
            throw new ConcurrencyConflictException($"The risk book of {book.Account} was changed by another writer (HTTP {ex.Status}).", ex);
        }
        catch
        {
            recent.Changed(); // the outcome is unknown
            throw;
        }
    }

    /// <summary>The stored form of a book (column <c>Book</c>); internal for its generated JSON contract.</summary>
    internal sealed record BookDocument(RiskState State, DateOnly? Day, decimal DayStartEquity, IReadOnlyDictionary<string, PendingOrder> Pending)
    {
        public DateTimeOffset? FlattenRequestedAt { get; init; }
    }
}
