SmartPark.Ingest.IngestApp.Build(args).Run();
