using System.Globalization;
using TradingBot.Core.Market;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Api;

/// <summary>
/// Collects what is wrong with a request, field by field, and parses query values with a reason per field; a request
/// with any error answers 400 <c>application/problem+json</c> with <c>errors: { field: [reason] }</c>.
/// </summary>
public sealed class FieldErrors
{
    public const int DefaultPageSize = 100;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
        return this;
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            title: "The request is not valid.");

    /// <summary>The page size (1..1000, default 100).</summary>
    public int PageSize(int? value, int fallback = DefaultPageSize)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value is < 1 or > TableQueries.MaxPageSize)
        {
            Add("pageSize", $"must be between 1 and {TableQueries.MaxPageSize}.");
            return fallback;
        }

        return value.Value;
    }

    public Symbol? Symbol(string? text, string field = "symbol", bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, "is required (e.g. BTC/USDT).");
            }

            return null;
        }

        if (Core.Market.Symbol.TryParse(text, out var symbol))
        {
            return symbol;
        }

        Add(field, $"'{Clip(text)}' is not a symbol such as BTC/USDT.");
        return null;
    }

    public Timeframe? Timeframe(string? text, string field = "timeframe", bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, "is required (e.g. 1m, 1h, 1d).");
            }

            return null;
        }

        try
        {
            return Core.Market.Timeframe.Parse(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            Add(field, $"'{Clip(text)}' is not a timeframe such as 1m, 15m, 1h or 1d.");
            return null;
        }
    }

    /// <summary>A required identifier: letters, digits, '.', '_' and '-' (1..64), the shape of strategy ids, venues and accounts.</summary>
    public string? Id(string? text, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return null;
        }

        if (!IsId(text))
        {
            Add(field, "must be 1 to 64 characters of a-z, A-Z, 0-9, '.', '_' or '-'.");
            return null;
        }

        return text;
    }

    /// <summary>A UTC day (<c>2026-01-10</c>).</summary>
    public DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Add(field, $"'{Clip(text)}' is not a day such as 2026-01-10.");
        return null;
    }

    /// <summary>Checks that <paramref name="from"/> is not after <paramref name="to"/>.</summary>
    public void Window(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            Add("from", "must not be after 'to'.");
        }
    }

    /// <summary>The message of <paramref name="ex"/> without the " (Parameter 'x')" suffix.</summary>
    public static string Reason(ArgumentException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
    }

    public static bool IsId(string text) =>
        text.Length is >= 1 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Echoes at most 40 characters of a bad value (enough to recognise it, never a whole pasted secret).</summary>
    public static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
