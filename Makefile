# Thin wrapper over the Maven wrapper. `make run` and `make test` are the quick start.
MVN ?= ./mvnw -B -ntp

.PHONY: run test test-native bench-native build manifests bundle bench-webhook bench-reconcile bench-xds native image image-build fmt clean

# Native builds: GRAALVM_HOME when set (a GraalVM or Mandrel), else the shared toolchain built once into this cache.
NATIVE_CACHE ?= $(HOME)/.cache/native-toolchain
NATIVE_TOOLCHAIN ?= ../shared/tools/native-toolchain
TEMURIN ?= /usr/lib/jvm/temurin-25-jdk-amd64

# The container image (docs/image.md): podman, else docker when its daemon answers. The name is the one the generated
# Deployment and the OLM CSV carry (appmesh/appmesh-operator:<version>), fully qualified so that podman, docker and a
# kind node all resolve it alike. ENGINE_RUN_OPTS is what the image tests pass to `run` on this machine kind: the runc
# runtime (crun refuses its hybrid cgroup layout) and explicit ulimits (raising limits is not permitted there).
ENGINE ?= $(shell command -v podman 2>/dev/null || { docker info >/dev/null 2>&1 && command -v docker; })
ENGINE_RUN_OPTS ?= $(if $(findstring podman,$(ENGINE)),$(if $(shell command -v runc 2>/dev/null),--runtime runc) \
	--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
VERSION := $(shell sed -n 's:^  <version>\(.*\)</version>$$:\1:p' pom.xml | head -1)
IMAGE ?= docker.io/appmesh/appmesh-operator:$(VERSION)
IMAGE_SOURCE ?= $(or $(shell git config --get remote.origin.url 2>/dev/null),unknown)

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

## bench-xds: the xDS translation of synthetic 10 / 100 / 1,000-node meshes in memory, then the packaged operator's
## push latency (100-node mesh), 1,000 connected ADS streams, and TLS + pod tokens on the ADS port (500 pods
## connecting at once) (figures in docs/benchmarks.md); one scenario:
## ./mvnw exec:java@bench-xds -Dexec.args=push (translate, push, clients, channel)
bench-xds: build
	$(MVN) -q exec:java@bench-xds

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

## image: the native executable in a FROM scratch OCI image $(IMAGE), built with podman or docker, nothing pulled
image: native
	@$(MAKE) --no-print-directory image-build

## image-build: the image from the native executable already in target/ (no native build)
image-build:
	@[ -n "$(ENGINE)" ] || { echo "make image: no container engine (install podman, or docker with a running daemon)" >&2; exit 1; }
	@set -e; runner="$$(ls target/*-runner 2>/dev/null | head -1)"; \
	[ -n "$$runner" ] || { echo "make image: no target/*-runner (make native)" >&2; exit 1; }; \
	revision="$$(git rev-parse HEAD)$$(git diff --quiet HEAD -- src/main pom.xml || echo -dirty)"; \
	echo "make image: staging target/image/rootfs from $$runner"; \
	bash src/main/docker/image-rootfs.sh "$$runner" target/image/rootfs; \
	$(ENGINE) build -q -f src/main/docker/Dockerfile.scratch --build-arg VERSION=$(VERSION) \
		--build-arg REVISION="$$revision" --build-arg SOURCE="$(IMAGE_SOURCE)" -t $(IMAGE) target/image >/dev/null; \
	size="$$($(ENGINE) image inspect --format '{{.Size}}' $(IMAGE))"; \
	echo "make image: built $(IMAGE) ($$((size / 1000000)) MB, revision $$revision) with $(ENGINE)"; \
	echo "Load it into a cluster (the generated Deployment runs appmesh/appmesh-operator:$(VERSION), pull policy IfNotPresent):"; \
	echo "  kind:       $(notdir $(ENGINE)) save $(IMAGE) -o target/appmesh-operator-image.tar && kind load image-archive target/appmesh-operator-image.tar"; \
	echo "  a registry: $(notdir $(ENGINE)) tag $(IMAGE) <registry>/appmesh/appmesh-operator:$(VERSION) && $(notdir $(ENGINE)) push <registry>/appmesh/appmesh-operator:$(VERSION),"; \
	echo "              then build the manifests with -Dquarkus.container-image.registry=<registry>"

## test-native: build the native executable, then run the packaged-operator process tests (*ProcessIT) against it and,
## when a container engine is present, against the image built from it (skipped with a line saying so otherwise)
test-native: native
	@if [ -n "$(ENGINE)" ]; then $(MAKE) --no-print-directory image-build; \
	else echo "test-native: no container engine (podman, or docker with a running daemon): the image is not built and its tests are skipped"; fi
	$(MVN) failsafe:integration-test failsafe:verify -Dappmesh.operator.binary="$$(ls target/*-runner | head -1)" \
		$(if $(ENGINE),-Dappmesh.image-tests.exclude=none -Dappmesh.operator.image=$(IMAGE) -Dappmesh.operator.engine=$(ENGINE) \
		-Dappmesh.operator.engine-options="$(strip $(ENGINE_RUN_OPTS))")

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
