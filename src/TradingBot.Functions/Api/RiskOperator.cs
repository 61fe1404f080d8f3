using TradingBot.Core.Risk;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Notifications;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Api;

/// <summary>
/// The operator's side of risk: engage the kill switch (optionally asking for every position to be flattened) and
/// end halts, per account, through the same <see cref="RiskGate"/> events the pipeline folds — written to the
/// account's risk book as an ETag compare-and-set (a lost race re-reads and applies again). The API never places an
/// order: a flatten request is carried out by the pipeline as protective exits on each held market's next candle.
/// </summary>
public sealed class RiskOperator(RiskGate gate, RiskStateStore books, PortfolioReader portfolio, LiveEvents events, WebhookNotifier notifier,
    HaltNotices notices, TimeProvider time, ILogger<RiskOperator> logger)
{
    private const int Attempts = 6;

    public static IReadOnlyList<RiskReason> Resumable { get; } = [RiskReason.KillSwitch, RiskReason.DailyLossLimit, RiskReason.MaxDrawdown];

    public async Task<RiskView> StateAsync(CancellationToken ct)
    {
        var accounts = (await portfolio.AccountsAsync(ct)).Select(a => a.Account).ToList();
        var views = new List<AccountRiskView>();
        foreach (var account in accounts)
        {
            var book = await books.GetAsync(account, ct);
            var state = book?.State ?? new RiskState();
            views.Add(new AccountRiskView(account, state.KillSwitchEngaged,
                [.. state.Halts.Values.OrderBy(h => h.Since).Select(h => new HaltView(h.Reason.ToCode(), h.Since, h.Day, ApiText.Kebab(h.Reset), h.Message))],
                state.StartingEquity, state.EquityPeak, book?.DayStartEquity ?? 0m, book?.Pending.Count ?? 0, book?.FlattenRequestedAt));
        }

        return new RiskView(time.GetUtcNow(), views);
    }

    /// <summary>Engages the kill switch on <paramref name="account"/> (or every known account); returns the accounts it changed.</summary>
    public async Task<IReadOnlyList<string>> HaltAsync(string? account, string message, bool flatten, string by, CancellationToken ct)
    {
        var changed = new List<string>();
        foreach (var target in await TargetsAsync(account, ct))
        {
            var now = time.GetUtcNow();
            var flattenRequested = false;
            var saved = await UpdateAsync(target, book =>
            {
                var review = gate.EngageKillSwitch(Context(book, now, 0m), $"{message} (by {by})");
                flattenRequested = flatten && book.FlattenRequestedAt is null;
                return review.Events.Count == 0 && !flattenRequested
                    ? null
                    : book with { State = book.State.Apply(review.Events), FlattenRequestedAt = flatten ? book.FlattenRequestedAt ?? now : book.FlattenRequestedAt };
            }, ct);
            if (saved is not null)
            {
                changed.Add(target);
                logger.KillSwitchEngaged(target, flatten, by);

                // Announced once: the pipeline's own halt check (this or another instance) will find it claimed.
                if (await notices.FirstAsync(target, saved.State.Halts[RiskReason.KillSwitch], now, ct) || flattenRequested)
                {
                    events.Publish(LiveEventKinds.Risk, new RiskChangeData(target, "halted", RiskReason.KillSwitch.ToCode(), flatten, message));
                    notifier.Notify(Notification.Halt(target, $"Kill switch engaged on {target} by {by}: {message}" + (flatten ? " Positions will be flattened." : ""), now));
                }
            }
        }

        return changed;
    }

    /// <summary>Ends the <paramref name="reason"/> halt on <paramref name="account"/> (or every account halted for it); returns the accounts it changed.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(string? account, RiskReason reason, string message, string by, CancellationToken ct)
    {
        var changed = new List<string>();
        foreach (var target in await TargetsAsync(account, ct))
        {
            var equity = 0m;
            if (reason == RiskReason.MaxDrawdown)
            {
                // The drawdown breaker restarts from the equity at the moment of the resume.
                var view = (await portfolio.PortfolioAsync(ct)).Accounts.FirstOrDefault(a => a.Account == target);
                equity = view?.Equity ?? throw new InvalidOperationException($"The equity of {target} is unknown ({view?.BalanceError}); resume the drawdown halt later.");
            }

            var now = time.GetUtcNow();
            var saved = await UpdateAsync(target, book =>
            {
                var review = RiskGate.Resume(Context(book, now, equity), reason, $"{message} (by {by})");
                return review.Events.Count == 0
                    ? null
                    : book with { State = book.State.Apply(review.Events), FlattenRequestedAt = reason == RiskReason.KillSwitch ? null : book.FlattenRequestedAt };
            }, ct);
            if (saved is not null)
            {
                changed.Add(target);
                logger.TradingResumed(target, reason.ToCode(), by);
                events.Publish(LiveEventKinds.Risk, new RiskChangeData(target, "resumed", reason.ToCode(), null, message));
                notifier.Notify(Notification.Halt(target, $"Trading resumed on {target} ({reason.ToCode()}) by {by}: {message}", now));
            }
        }

        return changed;
    }

    private async Task<IReadOnlyList<string>> TargetsAsync(string? account, CancellationToken ct) =>
        account is not null ? [account] : [.. (await portfolio.AccountsAsync(ct)).Select(a => a.Account)];

    /// <summary>Applies <paramref name="change"/> (null = nothing to do) to the account's book with its ETag and returns the saved book (null: nothing changed); a new book starts with no equity figures (the first decision sets them).</summary>
    private async Task<RiskBook?> UpdateAsync(string account, Func<RiskBook, RiskBook?> change, CancellationToken ct)
    {
        using var bookLock = await books.LockAsync(account, ct);
        for (var attempt = 1; ; attempt++)
        {
            var book = await books.GetAsync(account, ct) ?? new RiskBook(account, new RiskState());
            if (change(book) is not { } updated)
            {
                return null;
            }

            try
            {
                await books.SaveAsync(updated, ct);
                return updated;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // The pipeline changed the book meanwhile: re-read and apply again.
            }
        }
    }

    private static RiskContext Context(RiskBook book, DateTimeOffset now, decimal equity) => new()
    {
        Now = now,
        TradingDay = DateOnly.FromDateTime(now.UtcDateTime),
        Equity = equity,
        AvailableCash = 0m,
        DayStartEquity = book.DayStartEquity,
        State = book.State,
    };
}
