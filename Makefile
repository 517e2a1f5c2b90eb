# Thin wrapper over the Maven wrapper. `make run` and `make test` are the quick start.
MVN ?= ./mvnw -B -ntp

.PHONY: run test test-native bench-native build manifests bundle bench-webhook bench-reconcile native fmt clean

# Native builds: GRAALVM_HOME when set (a GraalVM or Mandrel), else the shared toolchain built once into this cache.
NATIVE_CACHE ?= $(HOME)/.cache/native-toolchain
NATIVE_TOOLCHAIN ?= ../shared/tools/native-toolchain
TEMURIN ?= /usr/lib/jvm/temurin-25-jdk-amd64

## run: the operator against the current kubeconfig context; with no reachable cluster, the local sandbox. Ctrl-C ends
## it quietly: the sandbox exits 0 on SIGINT/SIGTERM (make would report the JVM's 130 as an error)
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

## bench-reconcile: 100 and 1,000 VirtualNodes + VirtualServices against moto (figures in docs/benchmarks.md)
bench-reconcile: build
	$(MVN) -q exec:java@bench-reconcile

## native: the GraalVM native executable target/appmesh-operator-*-runner (no container build)
native:
	@if [ -n "$$GRAALVM_HOME" ]; then gh="$$GRAALVM_HOME"; \
	elif [ -x "$(NATIVE_CACHE)/ghome/bin/native-image" ]; then gh="$(NATIVE_CACHE)/ghome"; \
	elif [ -f "$(NATIVE_TOOLCHAIN)/install.sh" ] && [ -d "$(TEMURIN)" ]; then \
		echo "make native: building the native-image toolchain into $(NATIVE_CACHE) (about 11 min, once)"; \
		mkdir -p "$(NATIVE_CACHE)" && NATIVE_HOME="$(NATIVE_CACHE)" TEMURIN="$(TEMURIN)" bash "$(NATIVE_TOOLCHAIN)/install.sh" \
			|| { echo "make native: the toolchain install failed ($(NATIVE_TOOLCHAIN)/install.sh, its message above)." >&2; exit 1; }; \
		gh="$(NATIVE_CACHE)/ghome"; \
		[ -x "$$gh/bin/native-image" ] || { echo "make native: the toolchain install left no $$gh/bin/native-image." >&2; exit 1; }; \
	else echo "make native: no native-image found. Install GraalVM or Mandrel (JDK 21+) and set GRAALVM_HOME," \
		"or provide the shared toolchain at $(NATIVE_TOOLCHAIN) with Temurin 25 at $(TEMURIN)." >&2; exit 1; fi; \
	GRAALVM_HOME="$$gh" $(MVN) package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.container-build=false

## test-native: build the native executable, then run the packaged-operator process tests (*ProcessIT) against it
test-native: native
	$(MVN) failsafe:integration-test failsafe:verify -Dappmesh.operator.binary="$$(ls target/*-runner | head -1)"

## bench-native: native executable vs JVM in one run on this machine: start to ready, RSS idle and with 1,000 + 1,000
## objects reconciled, webhook latency (figures in docs/benchmarks.md)
bench-native: native
	$(MVN) -q package -DskipTests
	bin="$$(ls target/*-runner | head -1)"; \
	$(MVN) -q exec:java@bench-webhook && \
	$(MVN) -q exec:java@bench-webhook -Dappmesh.operator.binary="$$bin" && \
	$(MVN) -q exec:java@bench-reconcile -Dexec.args=1000 -Dbench.jvm=-Xmx512m && \
	$(MVN) -q exec:java@bench-reconcile -Dexec.args=1000 -Dbench.jvm=-Xmx512m -Dappmesh.operator.binary="$$bin"

## fmt: apply the formatter and import order the build enforces
fmt:
	$(MVN) process-sources -Dformat.goal=format -Dimpsort.goal=sort

clean:
	$(MVN) clean
