package dev.vixens.ls.plan;

import java.util.List;
import java.util.Optional;

/**
 * One container the patch adds to the pod. Either it runs a shell script shipped with the tool
 * ({@code /bin/sh -c <script> <name> <arguments...>}, so values reach the script as quoted positional
 * parameters and never as script text), or the image's entrypoint with {@code args}.
 */
public record ContainerPlan(String name, String image, Optional<Script> script, List<String> args,
        List<EnvSource> envFrom, List<Mount> mounts, Optional<RunAs> runAs, Optional<Resources> resources,
        List<Port> ports, Optional<String> restartPolicy) {

    public ContainerPlan {
        args = List.copyOf(args);
        envFrom = List.copyOf(envFrom);
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

    public record Mount(String volume, String path, boolean readOnly) {
    }

    public record RunAs(long uid, long gid) {
    }

    public record Resources(String requestsCpu, String requestsMemory, String limitsCpu, String limitsMemory) {
    }

    public record Port(String name, int port) {
    }

    public ContainerPlan withRestartPolicy(String policy) {
        return new ContainerPlan(name, image, script, args, envFrom, mounts, runAs, resources, ports,
                Optional.of(policy));
    }
}
