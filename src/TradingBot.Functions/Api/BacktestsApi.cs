using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TradingBot.Backtesting.Data;
using TradingBot.Core.Json;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;
using TradingBot.Storage.Backtests;
using TradingBot.Storage.Candles;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/backtests</c>: run a backtest on stored candles (JSON) or on an uploaded CSV (multipart, <c>/upload</c>),
/// list runs, fetch a run's result JSON (<c>{"stats","trades","equity"}</c>, the CLI's format) and its HTML report.
/// One run at a time per instance (two may wait); runs are bounded by <see cref="ApiOptions.MaxBacktestBars"/>.
/// </summary>
public static class BacktestsApi
{
    public const int DefaultBars = 1000;

    public static IEndpointRouteBuilder MapBacktestsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/backtests").RequireAuthorization(ApiRoles.Viewer).WithTags("Backtests").AddEndpointFilterFactory(QueryBinding.Filter);
        read.MapGet("/", ListAsync).WithSummary("Stored backtest runs (paged, oldest first).");
        read.MapGet("/{id}", ResultAsync).WithSummary("A run's result JSON: stats, trades, equity.").Produces(200, contentType: "application/json");
        read.MapGet("/{id}/report", ReportAsync).WithSummary("A run's self-contained HTML report.").Produces(200, contentType: "text/html");
        var run = app.MapGroup("/api/backtests").RequireAuthorization(ApiRoles.Trader).RequireRateLimiting(ApiRateLimits.Mutations).WithTags("Backtests");
        run.MapPost("/", RunStoredAsync).RequireRateLimiting(ApiRateLimits.Backtests).WithSummary("Run a backtest on stored candles.");
        run.MapPost("/upload", RunUploadAsync).RequireRateLimiting(ApiRateLimits.Backtests).DisableAntiforgery()
            .WithSummary("Run a backtest on an uploaded CSV (multipart: file, strategy, parameters as a JSON object, settings as a JSON object).");
        return app;
    }

    private static async Task<Results<Ok<Page<BacktestView>>, ValidationProblem>> ListAsync(BacktestStore store, string? continuationToken, int? pageSize,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await store.PageAsync(continuationToken, size, ct);
        return TypedResults.Ok(new Page<BacktestView>([.. page.Items.Select(BacktestRunner.View)], page.ContinuationToken));
    }

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> ResultAsync(string id, BacktestStore store, CancellationToken ct) =>
        await store.GetResultJsonAsync(id, ct) is { } json ? TypedResults.Content(json, "application/json") : NotFound(id);

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> ReportAsync(string id, BacktestStore store, HttpContext http,
        CancellationToken ct)
    {
        if (await store.GetReportHtmlAsync(id, ct) is not { } html)
        {
            return NotFound(id);
        }

        http.Response.Headers.ContentDisposition = $"inline; filename=\"{id}.html\"";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<Created<BacktestView>, ValidationProblem>> RunStoredAsync(BacktestRequest request, BacktestRunner runner,
        CandleStore candles, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var venue = errors.Id(request.Venue, "venue");
        var symbol = errors.Symbol(request.Symbol, required: true);
        var timeframe = errors.Timeframe(request.Timeframe, required: true);
        errors.Window(request.From, request.To);
        var (definition, parameters, settings) = BacktestRunner.Validate(request.Strategy, request.Parameters, request.Settings, errors);
        if (errors.Any || venue is null || symbol is null || timeframe is null || definition is null || parameters is null || settings is null)
        {
            return errors.Problem();
        }

        var max = options.Value.MaxBacktestBars;
        var to = request.To ?? DateTimeOffset.MaxValue.AddYears(-1);
        var from = request.From ?? DateTimeOffset.MinValue;
        var bars = await candles.GetRangeAsync(venue, symbol.Value, timeframe.Value, from, to, ct);
        if (request.From is null && bars.Count > DefaultBars)
        {
            bars = [.. bars.Skip(bars.Count - DefaultBars)];
        }

        if (bars.Count == 0)
        {
            return errors.Add("symbol", $"no stored {timeframe} candles of {symbol} on {venue} in that window.").Problem();
        }

        if (bars.Count > max)
        {
            return errors.Add("from", $"the window holds {bars.Count} bars; at most {max} per run.").Problem();
        }

        var view = await runner.RunAsync(definition, parameters, settings, bars, $"{venue} {symbol} {timeframe} (stored)", ct);
        return TypedResults.Created(view.ResultUrl, view);
    }

    private static async Task<Results<Created<BacktestView>, ValidationProblem>> RunUploadAsync(HttpRequest http, BacktestRunner runner,
        IOptions<ApiOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!http.HasFormContentType)
        {
            return errors.Add("body", "must be multipart/form-data with a 'file' part.").Problem();
        }

        var form = await http.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "is required: a CSV of candles (timestamp, open, high, low, close[, volume]).");
        }
        else if (file.Length > options.Value.MaxUploadBytes)
        {
            errors.Add("file", $"is {file.Length} bytes; at most {options.Value.MaxUploadBytes}.");
        }

        var parameters = Json<Dictionary<string, double>>(form["parameters"], "parameters", json.Value.SerializerOptions, errors);
        var settings = Json<BacktestSettings>(form["settings"], "settings", json.Value.SerializerOptions, errors);
        var (definition, values, backtest) = BacktestRunner.Validate(form["strategy"], parameters, settings, errors);
        if (errors.Any || file is null || definition is null || values is null || backtest is null)
        {
            return errors.Problem();
        }

        var name = Path.GetFileName(file.FileName);
        Core.Market.Candle[] candles;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream());
            candles = CsvCandleReader.Read(reader, string.IsNullOrWhiteSpace(name) ? "upload.csv" : name);
        }
        catch (FormatException ex)
        {
            return errors.Add("file", ex.Message).Problem();
        }

        if (candles.Length == 0 || candles.Length > options.Value.MaxBacktestBars)
        {
            return errors.Add("file", candles.Length == 0 ? "holds no candles." : $"holds {candles.Length} candles; at most {options.Value.MaxBacktestBars}.").Problem();
        }

        var view = await runner.RunAsync(definition, values, backtest, candles, $"upload {FieldErrors.Clip(name)}", ct);
        return TypedResults.Created(view.ResultUrl, view);
    }

    private static T? Json<T>(string? text, string field, JsonSerializerOptions options, FieldErrors errors)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, JsonContracts.Of<T>(options));
        }
        catch (JsonException ex)
        {
            errors.Add(field, $"is not a valid JSON object: {ApiExceptionHandler.JsonReason(ex)}");
            return null;
        }
    }

    private static NotFoundProblem NotFound(string id) =>
        ProblemAnswer.NotFound($"There is no backtest '{FieldErrors.Clip(id)}'.");
}
