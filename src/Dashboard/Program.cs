SmartPark.Dashboard.DashboardApp.Build(args).Run();
