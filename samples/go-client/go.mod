module example.com/reportflow

go 1.22
