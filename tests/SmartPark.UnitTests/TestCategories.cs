// Every test in this assembly is a unit test: `./smartpark test --fast` runs Category=Unit.
[assembly: AssemblyTrait(TestCategory.Trait, TestCategory.Unit)]
