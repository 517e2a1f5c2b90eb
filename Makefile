# Thin wrapper over the Maven wrapper. `make run` and `make test` are the quick start.
MVN ?= ./mvnw -B

.PHONY: run test build manifests bundle bench-webhook fmt clean

## run: the operator against the current kubeconfig context; with no reachable cluster, the local sandbox
run: build
	$(MVN) -q exec:java@run

## test: build, check formatting, generate the manifests and run every test
test:
	$(MVN) verify

## build: the application and target/kubernetes, without tests
build:
	$(MVN) package -DskipTests

## manifests: CRDs, RBAC, ServiceAccount, Deployment, Service and webhook configurations in target/kubernetes
manifests: build
	@ls target/kubernetes

## bundle: the OLM bundle (CSV, CRDs, RBAC, webhooks) in target/bundle
bundle:
	$(MVN) package -DskipTests -Dquarkus.operator-sdk.bundle.enabled=true
	@find target/bundle -type f | sort

## bench-webhook: admission latency and throughput of /mutate-v1-pod on loopback (figures in docs/benchmarks.md)
bench-webhook: build
	$(MVN) -q exec:java@bench-webhook

## fmt: apply the formatter and import order the build enforces
fmt:
	$(MVN) process-sources -Dformat.goal=format -Dimpsort.goal=sort

clean:
	$(MVN) clean
