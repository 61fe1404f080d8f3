using System.Text.Json.Serialization;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// A candle of <see cref="Venue"/>/<see cref="Symbol"/>/<see cref="Timeframe"/> closed and was stored. The root of a
/// chain: its id is its own causation and correlation id; <see cref="At"/> is the close time (open + timeframe).
/// </summary>
public sealed record CandleClosed(
    string Id,
    string CausationId,
    string CorrelationId,
    DateTimeOffset At,
    string Venue,
    Symbol Symbol,
    Timeframe Timeframe,
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume) : IMessage
{
    public const string SchemaName = "tradingbot.candle-closed.v1";

    public string Schema => SchemaName;

    [JsonIgnore]
    public Candle Candle => new(OpenTime, Open, High, Low, Close, Volume);

    public static CandleClosed For(string venue, Symbol symbol, Timeframe timeframe, Candle candle)
    {
        var id = MessageIds.Candle(venue, symbol, timeframe, candle.Time);
        return new CandleClosed(id, id, id, candle.Time.ToUniversalTime() + timeframe.Duration, venue, symbol, timeframe,
            candle.Time.ToUniversalTime(), candle.Open, candle.High, candle.Low, candle.Close, candle.Volume);
    }

    public string? Validate() => MessageRules.First(
        MessageRules.Venue(Venue),
        MessageRules.Symbol(Symbol),
        Timeframe.Duration == TimeSpan.Zero ? "timeframe: required." : null,
        MessageRules.Envelope(this, MessageIds.Candle(Venue, Symbol, Timeframe, OpenTime)),
        Candle.Validate() is { } error ? $"candle: {error}." : null);
}
