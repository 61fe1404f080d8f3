using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TradingBot.Benchmarks.EngineBenchmarks).Assembly).Run(args);
