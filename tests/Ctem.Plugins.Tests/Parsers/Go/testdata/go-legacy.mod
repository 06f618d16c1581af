module example.com/legacy

go 1.16

require (
	github.com/pkg/errors v0.9.1
	github.com/sirupsen/logrus v1.8.1
	golang.org/x/sys v0.0.0-20210630005230-0f9fa26af87c // indirect
)
