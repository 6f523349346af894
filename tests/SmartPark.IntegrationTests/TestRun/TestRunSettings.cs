using SmartPark.IntegrationTests.TestRun;

// Every test in this assembly is an integration test (classes add Browser or Slow on top).
[assembly: AssemblyTrait(TestCategory.Trait, TestCategory.Integration)]

// The Slow classes start first: the run is at least as long as its longest class, so that class
// must not start late (it did: IngestDurabilityTests began at 2.5 min and then ran 5 min alone).
[assembly: TestCollectionOrderer(SlowCollectionsFirst.TypeName, SlowCollectionsFirst.AssemblyName)]

// Three collections at once on two cores: most of a test's time is spent waiting for a server,
// a process or a timer (an outage of 60 s, a rollup grace), not computing. With the Slow
// classes first, a third thread lets the rest of the suite run beside the two durability halves.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
