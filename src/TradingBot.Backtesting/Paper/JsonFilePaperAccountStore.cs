using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Json;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>
/// An <see cref="IPaperAccountStore"/> in one JSON file, so a paper account outlives a process (the CLI's
/// <c>Venues:Paper:StateFile</c>). Every commit rewrites the file atomically (temporary file, then rename); decimals
/// are written as exact strings. Not for concurrent writers in several processes.
/// </summary>
#pragma warning disable CA1001 // The semaphore never allocates a wait handle (only WaitAsync), so there is nothing to dispose.
public sealed class JsonFilePaperAccountStore : IPaperAccountStore
#pragma warning restore CA1001
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    private readonly string _path;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private State? _state;

    public JsonFilePaperAccountStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    public async Task<IReadOnlyDictionary<string, CurrencyBalance>?> GetBalancesAsync(CancellationToken ct) =>
        (await ReadAsync(ct)).Balances?.ToDictionary(kv => kv.Key, kv => new CurrencyBalance(kv.Value.Free, kv.Value.Used), StringComparer.Ordinal);

    public async Task<Order?> GetOrderAsync(string id, CancellationToken ct) => (await ReadAsync(ct)).Orders.FirstOrDefault(o => o.Id == id);

    public async Task<Order?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct) =>
        (await ReadAsync(ct)).Orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId);

    public async Task<IReadOnlyList<Order>> GetOpenOrdersAsync(CancellationToken ct) =>
        [.. (await ReadAsync(ct)).Orders.Where(o => o.Status == OrderStatus.Open).OrderBy(o => o.Timestamp).ThenBy(o => o.Id, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<Trade>> GetTradesAsync(CancellationToken ct) => [.. (await ReadAsync(ct)).Trades];

    public async Task<long> NextOrderNumberAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var state = await LoadLockedAsync(ct);
            _state = state with { OrderNumber = state.OrderNumber + 1 };
            await SaveLockedAsync(_state, ct);
            return _state.OrderNumber;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task CommitAsync(IReadOnlyDictionary<string, CurrencyBalance> balances, Order? order, IReadOnlyList<Trade> newTrades, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(newTrades);
        await _lock.WaitAsync(ct);
        try
        {
            var state = await LoadLockedAsync(ct);
            var orders = order is null ? state.Orders : [.. state.Orders.Where(o => o.Id != order.Id), order];
            _state = state with
            {
                Balances = balances.ToDictionary(kv => kv.Key, kv => new StoredBalance(kv.Value.Free, kv.Value.Used), StringComparer.Ordinal),
                Orders = orders,
                Trades = [.. state.Trades, .. newTrades],
            };
            await SaveLockedAsync(_state, ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<State> ReadAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return await LoadLockedAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<State> LoadLockedAsync(CancellationToken ct)
    {
        if (_state is { } cached)
        {
            return cached;
        }

        if (!File.Exists(_path))
        {
            return _state = new State(null, [], [], 0);
        }

        await using var stream = File.OpenRead(_path);
        try
        {
            return _state = await JsonSerializer.DeserializeAsync(stream, JsonContracts.Of<State>(Json), ct)
                ?? throw new InvalidDataException($"{_path}: the paper account file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{_path}: the paper account file is not valid ({ex.Message}); fix or delete it.", ex);
        }
    }

    private async Task SaveLockedAsync(State state, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, state, JsonContracts.Of<State>(Json), ct);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>
    /// Web defaults (camelCase, case-insensitive reading), indented, numbers as strings, camelCase enums (numbers read
    /// too), symbols as <c>BTC/USDT</c>; only the generated contracts of <see cref="PaperAccountFileJsonContext"/>.
    /// </summary>
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
            TypeInfoResolver = PaperAccountFileJsonContext.Default,
        };
        options.Converters.Add(new SymbolJsonConverter());
        foreach (var converter in JsonContracts.DomainEnums(JsonNamingPolicy.CamelCase, allowIntegerValues: true))
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }

    /// <summary>The file's content; internal for its generated JSON contract.</summary>
    internal sealed record State(Dictionary<string, StoredBalance>? Balances, IReadOnlyList<Order> Orders, IReadOnlyList<Trade> Trades, long OrderNumber);

    internal sealed record StoredBalance(decimal Free, decimal Used);
}
