<#-- A descriptor written by init or import. Values are validated before this runs; every string goes
     through the one quoting rule of generated YAML (lib/k8s.ftl, decided in Java). -->
<#import "/lib/k8s.ftl" as k>
<#assign s = draft.settings>
<#list draft.header as line>
#<#if line?has_content> ${k.comment(line)}</#if>
</#list>
app: ${k.scalar(draft.app)}
namespace: ${k.scalar(draft.namespace)}
workload:
  kind: ${k.scalar(draft.workloadKind)}
  name: ${k.scalar(draft.workloadName)}
  container: ${k.scalar(draft.container)}
volume:
  name: ${k.scalar(draft.volumeName)}
  mountPath: ${k.scalar(draft.mountPath)}
<#if s.litestream()??>
litestream:
<#if s.litestream().image()??>
  image: ${k.scalar(s.litestream().image())}
</#if>
<#if s.litestream().version()??>
  version: ${k.scalar(s.litestream().version())}
</#if>
</#if>
<#if s.images()??>
images:
<#if s.images().sqlite()??>
  sqlite: ${k.scalar(s.images().sqlite())}
</#if>
<#if s.images().busybox()??>
  busybox: ${k.scalar(s.images().busybox())}
</#if>
</#if>
<#if s.secret()??>
secret: ${k.scalar(s.secret())}
</#if>
<#if s.bucket()??>
bucket: ${k.scalar(s.bucket())}
</#if>
<#if s.endpoint()??>
endpoint: ${k.scalar(s.endpoint())}
</#if>
<#if s.bucketEnv()??>
bucketEnv: ${k.scalar(s.bucketEnv())}
</#if>
<#if s.endpointEnv()??>
endpointEnv: ${k.scalar(s.endpointEnv())}
</#if>
<#if s.metrics()??>
metrics:
<#if s.metrics().port()??>
  port: ${s.metrics().port()?c}
</#if>
<#if s.metrics().annotations()??>
  annotations: ${s.metrics().annotations()?c}
</#if>
</#if>
<#if s.resources()??>
resources:
<#list [["requests", s.resources().requests()!], ["limits", s.resources().limits()!]] as pair>
<#if pair[1]?has_content>
  ${pair[0]}:
<#if pair[1].cpu()??>
    cpu: ${k.scalar(pair[1].cpu())}
</#if>
<#if pair[1].memory()??>
    memory: ${k.scalar(pair[1].memory())}
</#if>
</#if>
</#list>
</#if>
<#if s.runAs()??>
runAs:
<#if s.runAs().uid()??>
  uid: ${s.runAs().uid()?c}
</#if>
<#if s.runAs().gid()??>
  gid: ${s.runAs().gid()?c}
</#if>
</#if>
<#if s.fixPermissions()??>
fixPermissions: ${s.fixPermissions()?c}
</#if>
<#if s.fsGroup()??>
fsGroup: ${s.fsGroup()?c}
</#if>
<#if draft.podSecurity??>
# The generated containers run as root (runAs.uid 0): Pod Security "baseline" only, and a namespace that
# enforces "restricted" rejects the pod. Run the app as a non-root user to remove this.
podSecurity: ${k.scalar(draft.podSecurity)}
</#if>
databases:
<#list draft.databases as db>
  - path: ${k.scalar(db.path)}
    profile: ${k.scalar(db.profile)}<#if db.comment??>  # ${k.comment(db.comment)}</#if>
<#if db.name??>
    name: ${k.scalar(db.name)}
</#if>
<#if db.replicaPath??>
    replicaPath: ${k.scalar(db.replicaPath)}
</#if>
</#list>
