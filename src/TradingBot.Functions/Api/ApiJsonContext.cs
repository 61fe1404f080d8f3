using System.Text.Json.Serialization;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Live;

namespace TradingBot.Functions.Api;

/// <summary>
/// The generated contracts of everything the API reads and writes: request bodies, answers, live event data. The
/// API's JSON resolves through these only (<see cref="ApiJson"/>); a type missing here fails its route in tests as in the
/// Native AOT build.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
// Route and query parameter types: the OpenAPI document describes them through their contracts too.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(decimal?))]
[JsonSerializable(typeof(double?))]
[JsonSerializable(typeof(DateTimeOffset?))]
[JsonSerializable(typeof(DateOnly?))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(StrategyRequest))]
[JsonSerializable(typeof(MarketRequest))]
[JsonSerializable(typeof(HaltRequest))]
[JsonSerializable(typeof(ResumeRequest))]
[JsonSerializable(typeof(BacktestRequest))]
[JsonSerializable(typeof(BacktestSettings))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(StrategyView))]
[JsonSerializable(typeof(Page<StrategyView>))]
[JsonSerializable(typeof(IReadOnlyList<CatalogStrategyView>))]
[JsonSerializable(typeof(Page<MarketView>))]
[JsonSerializable(typeof(PortfolioView))]
[JsonSerializable(typeof(EquityCurveView))]
[JsonSerializable(typeof(Page<PositionView>))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(Page<OrderView>))]
[JsonSerializable(typeof(Page<FillView>))]
[JsonSerializable(typeof(CancelView))]
[JsonSerializable(typeof(Page<SignalView>))]
[JsonSerializable(typeof(Page<DecisionView>))]
[JsonSerializable(typeof(Page<CandleView>))]
[JsonSerializable(typeof(ChartView))]
[JsonSerializable(typeof(RiskView))]
[JsonSerializable(typeof(RiskActionView))]
[JsonSerializable(typeof(BacktestView))]
[JsonSerializable(typeof(Page<BacktestView>))]
[JsonSerializable(typeof(Page<PoisonView>))]
[JsonSerializable(typeof(RiskDecidedData))]
[JsonSerializable(typeof(RiskChangeData))]
[JsonSerializable(typeof(PositionData))]
[JsonSerializable(typeof(ErrorData))]
[JsonSerializable(typeof(CandleData))]
[JsonSerializable(typeof(SignalData))]
[JsonSerializable(typeof(OrderData))]
[JsonSerializable(typeof(FillData))]
[JsonSerializable(typeof(BacktestData))]
[JsonSerializable(typeof(StrategyData))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
