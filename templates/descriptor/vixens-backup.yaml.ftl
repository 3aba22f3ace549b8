<#-- A descriptor written by init or import. Values are validated before this runs; quote anything that a
     YAML reader could take for something other than a string. -->
<#function y value>
  <#if value?matches("[A-Za-z0-9/][A-Za-z0-9._/-]*") && !value?matches("(?i)(true|false|yes|no|on|off|y|n|null|~)") && !value?matches("[0-9][0-9._:eE+-]*")>
    <#return value>
  </#if>
  <#return '"' + value?replace('\\', '\\\\')?replace('"', '\\"') + '"'>
</#function>
<#assign s = draft.settings>
<#list draft.header as line>
#<#if line?has_content> ${line}</#if>
</#list>
app: ${y(draft.app)}
namespace: ${y(draft.namespace)}
workload:
  kind: ${draft.workloadKind}
  name: ${y(draft.workloadName)}
  container: ${y(draft.container)}
volume:
  name: ${y(draft.volumeName)}
  mountPath: ${y(draft.mountPath)}
<#if s.litestream()??>
litestream:
<#if s.litestream().image()??>
  image: ${y(s.litestream().image())}
</#if>
<#if s.litestream().version()??>
  version: ${y(s.litestream().version())}
</#if>
</#if>
<#if s.images()??>
images:
<#if s.images().sqlite()??>
  sqlite: ${y(s.images().sqlite())}
</#if>
<#if s.images().busybox()??>
  busybox: ${y(s.images().busybox())}
</#if>
</#if>
<#if s.secret()??>
secret: ${y(s.secret())}
</#if>
<#if s.bucketEnv()??>
bucketEnv: ${y(s.bucketEnv())}
</#if>
<#if s.endpointEnv()??>
endpointEnv: ${y(s.endpointEnv())}
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
    cpu: ${y(pair[1].cpu())}
</#if>
<#if pair[1].memory()??>
    memory: ${y(pair[1].memory())}
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
<#if draft.podSecurity??>
# The generated containers run as root (runAs.uid 0): Pod Security "baseline" only, and a namespace that
# enforces "restricted" rejects the pod. Run the app as a non-root user to remove this.
podSecurity: ${draft.podSecurity}
</#if>
databases:
<#list draft.databases as db>
  - path: ${y(db.path)}
    profile: ${y(db.profile)}<#if db.comment??>  # ${db.comment}</#if>
<#if db.name??>
    name: ${y(db.name)}
</#if>
<#if db.replicaPath??>
    replicaPath: ${y(db.replicaPath)}
</#if>
</#list>
