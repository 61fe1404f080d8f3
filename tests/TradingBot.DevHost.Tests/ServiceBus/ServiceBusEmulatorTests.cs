using System.Text;
using Microsoft.Extensions.Time.Testing;
using TradingBot.DevHost.ServiceBus;
using static TradingBot.DevHost.Tests.ServiceBus.Topologies;

namespace TradingBot.DevHost.Tests.ServiceBus;

/// <summary>The emulator against the conformance list of service-bus-tables-reliability.md §1.11 (the cases that apply: no sessions, no filter rules).</summary>
public sealed class ServiceBusEmulatorTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Receive_LockedMessage_IsInvisibleToASecondReceiverUntilTheLockExpires_ThenRedeliveredWithDeliveryCount2()
    {
        var broker = new ServiceBusEmulator(One(Execution(lockDuration: TimeSpan.FromSeconds(30))), _time);
        broker.Send("orders", Body("order-1"));

        var first = broker.TryReceive("orders", "execution");
        Assert.NotNull(first);
        Assert.Equal(1, first.DeliveryCount);
        Assert.Null(broker.TryReceive("orders", "execution"));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(broker.TryReceive("orders", "execution"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = broker.TryReceive("orders", "execution");

        Assert.NotNull(second);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public void Complete_RemovesTheMessage_AndCompletingWithAStaleLockToken_ThrowsLockLost()
    {
        var broker = new ServiceBusEmulator(One(Execution(lockDuration: TimeSpan.FromSeconds(30))), _time);
        broker.Send("orders", Body("a"));
        var stale = broker.TryReceive("orders", "execution")!;
        _time.Advance(TimeSpan.FromSeconds(31));
        var current = broker.TryReceive("orders", "execution")!;

        Assert.Throws<MessageLockLostException>(() => broker.Complete(stale));
        broker.Complete(current);

        Assert.Empty(broker.Peek("orders", "execution"));
        Assert.Throws<MessageLockLostException>(() => broker.Complete(current));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(broker.TryReceive("orders", "execution"));
    }

    [Fact]
    public void Abandon_RedeliversAtOnce_WithDeliveryCountPlusOne_AndTheModifiedProperties()
    {
        var broker = new ServiceBusEmulator(One(Execution()), _time);
        broker.Send("orders", Body("a") with { ApplicationProperties = new Dictionary<string, object> { ["attempt"] = 1L } });
        var first = broker.TryReceive("orders", "execution")!;

        broker.Abandon(first, new Dictionary<string, object> { ["attempt"] = 2L, ["reason"] = "venue timeout" });
        var second = broker.TryReceive("orders", "execution")!;

        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(2L, second.ApplicationProperties["attempt"]);
        Assert.Equal("venue timeout", second.ApplicationProperties["reason"]);
        Assert.Throws<MessageLockLostException>(() => broker.Abandon(first));
    }

    [Fact]
    public void MaxDeliveryCount3_ThreeFailedDeliveries_DeadLetterTheMessageWithMaxDeliveryCountExceeded()
    {
        var broker = new ServiceBusEmulator(One(Execution(maxDeliveryCount: 3)), _time);
        broker.Send("orders", Body("poison", "m-1"));

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            var message = broker.TryReceive("orders", "execution")!;
            Assert.Equal(delivery, message.DeliveryCount);
            broker.Abandon(message);
        }

        Assert.Null(broker.TryReceive("orders", "execution"));
        var dead = Assert.Single(broker.DeadLetters("orders", "execution"));
        Assert.Equal("m-1", dead.MessageId);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, dead.DeadLetterReason);
        Assert.Equal(3, dead.DeliveryCount);
        Assert.Equal("orders/Subscriptions/execution", dead.DeadLetterSource);
        Assert.Equal("poison", Encoding.UTF8.GetString(dead.Body.Span));
    }

    [Fact]
    public void MaxDeliveryCount_CountsLapsedLocksLikeAbandons_OnASubscription()
    {
        var broker = new ServiceBusEmulator(One(Execution(maxDeliveryCount: 2, lockDuration: TimeSpan.FromSeconds(10))), _time);
        broker.Send("orders", Body("crashing handler"));

        Assert.Equal(1, broker.TryReceive("orders", "execution")!.DeliveryCount);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, broker.TryReceive("orders", "execution")!.DeliveryCount);
        _time.Advance(TimeSpan.FromSeconds(10));
        broker.Sweep();

        Assert.Null(broker.TryReceive("orders", "execution"));
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, Assert.Single(broker.DeadLetters("orders", "execution")).DeadLetterReason);
    }

    [Fact]
    public void RenewLock_ExtendsLockedUntil_AndRenewingAfterExpiry_ThrowsLockLost()
    {
        var broker = new ServiceBusEmulator(One(Execution(lockDuration: TimeSpan.FromSeconds(30))), _time);
        broker.Send("orders", Body("a"));
        var message = broker.TryReceive("orders", "execution")!;

        _time.Advance(TimeSpan.FromSeconds(20));
        var renewed = broker.RenewLock(message);
        Assert.Equal(Start + TimeSpan.FromSeconds(50), renewed);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(broker.TryReceive("orders", "execution"));
        broker.Complete(message);

        broker.Send("orders", Body("b"));
        var other = broker.TryReceive("orders", "execution")!;
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Throws<MessageLockLostException>(() => broker.RenewLock(other));
    }

    [Fact]
    public void Ttl_AnExpiredUnlockedMessage_IsNeverDelivered_AndIsDeadLetteredWithTtlExpiredWhenTheSubscriptionAsks()
    {
        var topology = new ServiceBusTopology(
        [
            new TopicDefinition("signals", [new SubscriptionDefinition("risk") { DeadLetteringOnMessageExpiration = true }, new SubscriptionDefinition("audit")])
            {
                DefaultMessageTimeToLive = TimeSpan.FromMinutes(10),
            },
        ]);
        var broker = new ServiceBusEmulator(topology, _time);
        broker.Send("signals", Body("stale buy"));

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(broker.TryReceive("signals", "risk"));
        Assert.Null(broker.TryReceive("signals", "audit"));
        Assert.Equal(DeadLetterReasons.TtlExpired, Assert.Single(broker.DeadLetters("signals", "risk")).DeadLetterReason);
        Assert.Empty(broker.DeadLetters("signals", "audit"));
    }

    [Fact]
    public void Ttl_IsCappedByTheEntity_AndALockedMessageIsNotExpiredUntilItsLockIsReleased()
    {
        var subscription = new SubscriptionDefinition("risk") { DeadLetteringOnMessageExpiration = true, LockDuration = TimeSpan.FromMinutes(5) };
        var broker = new ServiceBusEmulator(new ServiceBusTopology([new TopicDefinition("signals", [subscription]) { DefaultMessageTimeToLive = TimeSpan.FromMinutes(2) }]), _time);
        broker.Send("signals", Body("a") with { TimeToLive = TimeSpan.FromDays(1) });

        var locked = broker.TryReceive("signals", "risk")!;
        Assert.Equal(Start + TimeSpan.FromMinutes(2), locked.ExpiresAt);
        _time.Advance(TimeSpan.FromMinutes(3));
        broker.Sweep();
        Assert.Empty(broker.DeadLetters("signals", "risk"));

        broker.Abandon(locked);

        Assert.Null(broker.TryReceive("signals", "risk"));
        Assert.Equal(DeadLetterReasons.TtlExpired, Assert.Single(broker.DeadLetters("signals", "risk")).DeadLetterReason);
    }

    [Fact]
    public void Ttl_CompletingAnExpiredButLockedMessage_SimplyCompletesIt()
    {
        var subscription = new SubscriptionDefinition("risk") { DeadLetteringOnMessageExpiration = true, LockDuration = TimeSpan.FromMinutes(5) };
        var broker = new ServiceBusEmulator(new ServiceBusTopology([new TopicDefinition("signals", [subscription]) { DefaultMessageTimeToLive = TimeSpan.FromMinutes(1) }]), _time);
        broker.Send("signals", Body("a"));
        var locked = broker.TryReceive("signals", "risk")!;

        _time.Advance(TimeSpan.FromMinutes(2));
        broker.Complete(locked);

        Assert.Empty(broker.DeadLetters("signals", "risk"));
        Assert.Empty(broker.Peek("signals", "risk"));
    }

    [Fact]
    public void DuplicateDetection_DropsTheSameMessageIdWithinTheWindow_AcceptsItAfterwards_AndSharesHistoryWithScheduledSends()
    {
        var topic = new TopicDefinition("orders", []) { RequiresDuplicateDetection = true, DuplicateDetectionWindow = TimeSpan.FromMinutes(10) };
        var broker = new ServiceBusEmulator(One(Execution(), topic), _time);

        Assert.NotNull(broker.Send("orders", Body("first", "intent-1")));
        Assert.Null(broker.Send("orders", Body("again", "intent-1")));
        Assert.Null(broker.Send("orders", Body("scheduled", "intent-1") with { ScheduledEnqueueTime = Start + TimeSpan.FromMinutes(1) }));
        Assert.NotNull(broker.Send("orders", Body("other", "intent-2") with { ScheduledEnqueueTime = Start + TimeSpan.FromMinutes(1) }));
        Assert.Null(broker.Send("orders", Body("immediate", "intent-2")));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.NotNull(broker.Send("orders", Body("later", "intent-1")));

        var bodies = new List<string>();
        while (broker.TryReceive("orders", "execution") is { } message)
        {
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
            broker.Complete(message);
        }

        Assert.Equal(["first", "other", "later"], bodies);
    }

    [Fact]
    public void Scheduled_IsInvisibleUntilDue_CanBeCancelled_AndGetsANewSequenceNumberWhenItActivates()
    {
        var broker = new ServiceBusEmulator(One(Execution()), _time);
        var kept = broker.Send("orders", Body("kept") with { ScheduledEnqueueTime = Start + TimeSpan.FromSeconds(5) })!.Value;
        var cancelled = broker.Send("orders", Body("cancelled") with { ScheduledEnqueueTime = Start + TimeSpan.FromSeconds(5) })!.Value;

        Assert.Null(broker.TryReceive("orders", "execution"));
        Assert.True(broker.CancelScheduled("orders", cancelled));
        Assert.False(broker.CancelScheduled("orders", cancelled));
        _time.Advance(TimeSpan.FromSeconds(5));
        var message = broker.TryReceive("orders", "execution")!;

        Assert.Equal("kept", Encoding.UTF8.GetString(message.Body.Span));
        Assert.True(message.SequenceNumber > Math.Max(kept, cancelled));
        Assert.Equal(Start + TimeSpan.FromSeconds(5), message.EnqueuedTime);
        broker.Complete(message);
        Assert.Null(broker.TryReceive("orders", "execution"));
    }

    [Fact]
    public void Topic_FansOutOneCopyToEverySubscription_EachWithItsOwnLockAndDeliveryCount()
    {
        var broker = new ServiceBusEmulator(new ServiceBusTopology([new TopicDefinition("fills", [new("ledger"), new("audit")])]), _time);
        broker.Send("fills", Body("fill-1", "f-1"));

        var ledger = broker.TryReceive("fills", "ledger")!;
        var audit = broker.TryReceive("fills", "audit")!;
        broker.Abandon(ledger);

        Assert.Equal("f-1", audit.MessageId);
        Assert.Equal(2, broker.TryReceive("fills", "ledger")!.DeliveryCount);
        Assert.Null(broker.TryReceive("fills", "audit"));
        broker.Complete(audit);
        Assert.Null(broker.TryReceive("fills", "ledger"));
    }

    [Fact]
    public void Shuffle_DeliversAvailableMessagesOutOfSequenceOrder()
    {
        var broker = new ServiceBusEmulator(One(Execution()), _time) { Shuffle = count => count - 1 };
        broker.Send("orders", Body("1"));
        broker.Send("orders", Body("2"));
        broker.Send("orders", Body("3"));

        var order = new List<string>();
        while (broker.TryReceive("orders", "execution") is { } message)
        {
            order.Add(Encoding.UTF8.GetString(message.Body.Span));
            broker.Complete(message);
        }

        Assert.Equal(["3", "2", "1"], order);
    }

    [Fact]
    public void Resubmit_PutsADeadLetterBackAsANewMessageWithAFreshDeliveryCount()
    {
        var broker = new ServiceBusEmulator(One(Execution(maxDeliveryCount: 1)), _time);
        broker.Send("orders", Body("retry me", "m-7"));
        broker.Abandon(broker.TryReceive("orders", "execution")!);
        var dead = Assert.Single(broker.DeadLetters("orders", "execution"));

        Assert.True(broker.Resubmit("orders", "execution", dead.SequenceNumber));
        Assert.False(broker.Resubmit("orders", "execution", dead.SequenceNumber));
        var again = broker.TryReceive("orders", "execution")!;

        Assert.Empty(broker.DeadLetters("orders", "execution"));
        Assert.Equal("m-7", again.MessageId);
        Assert.Equal(1, again.DeliveryCount);
        Assert.Null(again.DeadLetterReason);
        Assert.True(again.SequenceNumber > dead.SequenceNumber);
    }

    [Fact]
    public void Snapshot_RestoresActiveScheduledAndDeadLetteredMessages_WithDeliveryCounts_ButNotLocks()
    {
        using var folder = new TradingBot.Testing.TemporaryFolder();
        var file = Path.Combine(folder.Path, "servicebus.json");
        var broker = new ServiceBusEmulator(One(Execution(maxDeliveryCount: 1)), _time);
        broker.Send("orders", Body("dead", "d") with { ApplicationProperties = new Dictionary<string, object> { ["n"] = 3L, ["s"] = "x" } });
        broker.Abandon(broker.TryReceive("orders", "execution")!);
        broker.Send("orders", Body("locked", "l"));
        var locked = broker.TryReceive("orders", "execution")!;
        broker.Send("orders", Body("waiting", "w"));
        broker.Send("orders", Body("later", "s") with { ScheduledEnqueueTime = Start + TimeSpan.FromMinutes(1) });

        BrokerSnapshot.Save(broker, file);
        var restored = new ServiceBusEmulator(One(Execution(maxDeliveryCount: 5)), _time);
        var (count, dropped) = BrokerSnapshot.Load(restored, file);

        Assert.Equal((4, 0), (count, dropped));
        var dead = Assert.Single(restored.DeadLetters("orders", "execution"));
        Assert.Equal(("d", 3L, "x"), (dead.MessageId, dead.ApplicationProperties["n"], dead.ApplicationProperties["s"]));
        var first = restored.TryReceive("orders", "execution")!;
        Assert.Equal(("l", 2), (first.MessageId, first.DeliveryCount));
        var second = restored.TryReceive("orders", "execution")!;
        Assert.Equal("w", second.MessageId);
        Assert.Null(restored.TryReceive("orders", "execution"));
        restored.Complete(first);
        restored.Complete(second);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("s", restored.TryReceive("orders", "execution")!.MessageId);
        Assert.True(restored.Send("orders", Body("new"))!.Value > locked.SequenceNumber);
    }
}
