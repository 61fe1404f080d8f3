namespace TradingBot.DevHost.ServiceBus;

/// <summary>Counts of one subscription: waiting, locked (being processed), dead-lettered; and totals since start.</summary>
public sealed record SubscriptionStatistics(string Topic, string Subscription, int Active, int Locked, int DeadLettered, long Delivered, long Completed,
    long Abandoned);
