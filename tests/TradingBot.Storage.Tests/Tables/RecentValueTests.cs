using Microsoft.Extensions.Time.Testing;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage.Tests.Tables;

public sealed class RecentValueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Update_ChangesWhatIsRemembered_ButNotItsAge()
    {
        var recent = new RecentValue<string>();
        var reads = 0;
        Task<string> Read() => Task.FromResult("stored" + ++reads);
        await recent.GetAsync(_time, TimeSpan.FromSeconds(2), Read);
        _time.Advance(TimeSpan.FromSeconds(1));

        recent.Update(v => v + "+mine");
        var within = await recent.GetAsync(_time, TimeSpan.FromSeconds(2), Read);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        var after = await recent.GetAsync(_time, TimeSpan.FromSeconds(2), Read);

        Assert.Equal("stored1+mine", within);
        Assert.Equal("stored2", after);
    }

    [Fact]
    public async Task Update_NothingRemembered_RemembersNothing_AndAnOverlappingReadIsNotKept()
    {
        var recent = new RecentValue<string>();
        recent.Update(v => v + "+mine");
        var release = new TaskCompletionSource<string>();
        var overlapping = recent.GetAsync(_time, TimeSpan.FromMinutes(1), () => release.Task);

        recent.Update(v => v + "+mine");
        release.SetResult("read before the change");
        await overlapping;
        var next = await recent.GetAsync(_time, TimeSpan.FromMinutes(1), () => Task.FromResult("stored"));

        Assert.Equal("stored", next);
    }

    [Fact]
    public async Task GetSince_ServesAReadBegunAfterTheMark_NotOneBegunBefore()
    {
        var recent = new RecentValue<string>();
        var reads = 0;
        Task<string> Read() => Task.FromResult("stored" + ++reads);
        var early = RecentValue.Mark();
        var release = new TaskCompletionSource<string>();
        var inFlight = recent.GetSinceAsync(RecentValue.Mark(), TimeSpan.MaxValue, _time, () => release.Task); // began after "early"
        var late = RecentValue.Mark(); // arrived while that read was in flight
        release.SetResult("read in flight");
        await inFlight;

        var forEarly = await recent.GetSinceAsync(early, TimeSpan.MaxValue, _time, Read);
        var forLate = await recent.GetSinceAsync(late, TimeSpan.MaxValue, _time, Read);

        Assert.Equal("read in flight", forEarly);
        Assert.Equal("stored1", forLate);
    }

    [Fact]
    public async Task GetSince_AWriteOfThisProcessEndedAfterTheMark_Serves()
    {
        var recent = new RecentValue<string>();
        var mark = RecentValue.Mark();

        recent.Written("mine", _time.GetUtcNow());

        Assert.Equal("mine", await recent.GetSinceAsync(mark, TimeSpan.MaxValue, _time, () => Task.FromResult("stored")));
    }

    [Fact]
    public async Task GetSince_AReadBegunAfterTheMarkButOlderThanTheAge_DoesNotServe()
    {
        var recent = new RecentValue<string>();
        var mark = RecentValue.Mark();
        await recent.GetSinceAsync(RecentValue.Mark(), TimeSpan.MaxValue, _time, () => Task.FromResult("first"));
        _time.Advance(TimeSpan.FromMilliseconds(150));

        var value = await recent.GetSinceAsync(mark, TimeSpan.FromMilliseconds(100), _time, () => Task.FromResult("again"));

        Assert.Equal("again", value);
    }

    [Fact]
    public async Task GetSince_AChangeWhileTheReadWasInFlight_IsNotKept()
    {
        var recent = new RecentValue<string>();
        var mark = RecentValue.Mark();
        var release = new TaskCompletionSource<string>();
        var inFlight = recent.GetSinceAsync(RecentValue.Mark(), TimeSpan.MaxValue, _time, () => release.Task);

        recent.Changed(); // a fill applied while the read was in flight
        release.SetResult("read before the change");
        await inFlight;

        Assert.Equal("stored", await recent.GetSinceAsync(mark, TimeSpan.MaxValue, _time, () => Task.FromResult("stored")));
    }
}
