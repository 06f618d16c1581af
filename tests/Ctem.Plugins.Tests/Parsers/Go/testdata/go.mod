// Modelled on a typical Kubernetes controller module.
module github.com/example/widget-operator

go 1.22.0

toolchain go1.22.5

require (
	github.com/go-logr/logr v1.4.2
	github.com/onsi/ginkgo/v2 v2.19.0
	k8s.io/apimachinery v0.30.2
	sigs.k8s.io/controller-runtime v0.18.4 // pinned for the 1.30 API
	"github.com/quoted/module" v0.1.0
)

require github.com/spf13/cobra v1.8.1

require (
	github.com/beorn7/perks v1.0.1 // indirect
	golang.org/x/net v0.26.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
	github.com/example/shared v0.0.0-20240610120000-abcdef123456 // indirect
)

replace golang.org/x/net v0.26.0 => golang.org/x/net v0.33.0

replace (
	github.com/example/shared => ../shared
	github.com/go-logr/logr => github.com/go-logr/logr v1.4.1
)

exclude github.com/spf13/cobra v1.8.0

retract v0.9.0 // published by mistake
