<#import "/lib/k8s.ftl" as k>
<#if snapshotPerDatabase>
# Litestream ${version} configuration: snapshot interval and retention per database (equal for every
# database of this process), sync interval per replica.
<#else>
# Litestream ${version} configuration: snapshot interval and retention for the whole process (this version
# reads them at the top level only), sync interval per replica.
</#if>
addr: ":${process.metricsPort?c}"
<#list settings as setting>
${setting.key}: ${setting.value}
</#list>
<#if !snapshotPerDatabase>
snapshot:
  interval: ${snapshot.interval}
  retention: ${snapshot.retention}
</#if>
dbs:
<#list process.replicas as replica>
  # profile ${replica.profile}<#if replica.overrides?has_content>, overridden: ${replica.overrides?join(", ")}</#if>
  - path: ${k.q(replica.path)}
<#if snapshotPerDatabase>
    snapshot:
      interval: ${snapshot.interval}
      retention: ${snapshot.retention}
</#if>
    replica:
      url: ${k.q(replica.url)}
      endpoint: ${k.q(replica.endpoint)}
      sync-interval: ${replica.syncInterval}
</#list>
