package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container the patch adds to the pod. Either it runs a shell script shipped with the tool
 * ({@code /bin/sh -c <script> <name> <arguments...>}, so values reach the script as quoted positional
 * parameters and never as script text), or the image's entrypoint with {@code args}. Every one has a
 * {@link SecurityContext} and requests and limits.
 */
public record ContainerPlan(String name, String image, Optional<Script> script, List<String> args,
        List<EnvSource> envFrom, List<EnvVar> env, List<Mount> mounts, SecurityContext securityContext,
        Resources resources, List<Port> ports, Optional<String> restartPolicy) {

    public ContainerPlan {
        args = List.copyOf(args);
        envFrom = List.copyOf(envFrom);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        ports = List.copyOf(ports);
    }

    /** A script under {@code templates/scripts/} and the positional parameters it receives. */
    public record Script(String file, List<String> arguments) {
        public Script {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code envFrom} entry: a Secret or a ConfigMap whose keys become environment variables. */
    public record EnvSource(String kind, String name) {
        public static EnvSource secret(String name) {
            return new EnvSource("secretRef", name);
        }

        public static EnvSource configMap(String name) {
            return new EnvSource("configMapRef", name);
        }
    }

    /** A literal environment variable (never a credential: those come from the Secret only). */
    public record EnvVar(String name, String value) {
    }

    public record Mount(String volume, String path, boolean readOnly) {
    }

    public record RunAs(long uid, long gid) {
    }

    public record Port(String name, int port) {
    }

    public ContainerPlan withRestartPolicy(String policy) {
        return new ContainerPlan(name, image, script, args, envFrom, env, mounts, securityContext, resources, ports,
                Optional.of(policy));
    }

    /** A container that runs one of the tool's scripts. */
    static Builder running(String name, String image, Script script) {
        return new Builder(name, image, Optional.of(script), List.of());
    }

    /** A container that runs its image's entrypoint with {@code args}. */
    static Builder entrypoint(String name, String image, List<String> args) {
        return new Builder(name, image, Optional.empty(), args);
    }

    /**
     * Builds a container whose lists start empty; the security context and the resources must be given,
     * because no generated container may go without them.
     */
    static final class Builder {
        private final String name;
        private final String image;
        private final Optional<Script> script;
        private final List<String> args;
        private final List<EnvSource> envFrom = new ArrayList<>();
        private final List<EnvVar> env = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<Port> ports = new ArrayList<>();
        private SecurityContext securityContext;
        private Resources resources;
        private boolean scratch;

        private Builder(String name, String image, Optional<Script> script, List<String> args) {
            this.name = name;
            this.image = image;
            this.script = script;
            this.args = args;
        }

        Builder envFrom(List<EnvSource> sources) {
            envFrom.addAll(sources);
            return this;
        }

        Builder mounts(List<Mount> added) {
            mounts.addAll(added);
            return this;
        }

        /** The container writes temporary files: the pod's scratch emptyDir, and the variables naming it. */
        Builder scratch() {
            scratch = true;
            return this;
        }

        Builder port(Port port) {
            ports.add(port);
            return this;
        }

        Builder securityContext(SecurityContext context) {
            securityContext = context;
            return this;
        }

        Builder resources(Resources limits) {
            resources = limits;
            return this;
        }

        ContainerPlan build() {
            if (securityContext == null || resources == null) {
                throw new IllegalStateException("container " + name + " needs a securityContext and resources");
            }
            if (scratch) {
                // A data volume mounted at the scratch directory itself is writable already (and a second
                // mount at the same path would be refused by the API server).
                if (mounts.stream().noneMatch(m -> m.path().equals(ScratchSpace.DIR))) {
                    mounts.add(ScratchSpace.mount());
                }
                env.addAll(ScratchSpace.env());
            }
            return new ContainerPlan(name, image, script, args, envFrom, env, mounts, securityContext, resources,
                    ports, Optional.empty());
        }
    }
}
