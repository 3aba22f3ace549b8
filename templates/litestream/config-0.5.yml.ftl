<#import "/lib/k8s.ftl" as k>
<#if snapshotPerDatabase>
# Litestream ${k.comment(version)} configuration: snapshot interval and retention per database (equal for every
# database of this process), sync interval per replica.
<#else>
# Litestream ${k.comment(version)} configuration: snapshot interval and retention for the whole process (this version
# reads them at the top level only), sync interval per replica.
</#if>
addr: ${k.q(":" + process.metricsPort?c)}
<#list settings as setting>
${k.scalar(setting.key)}: ${k.scalar(setting.value)}
</#list>
<#if !snapshotPerDatabase>
snapshot:
  interval: ${k.scalar(snapshot.interval)}
  retention: ${k.scalar(snapshot.retention)}
</#if>
dbs:
<#list process.replicas as replica>
  # profile ${k.comment(replica.profile)}<#if replica.overrides?has_content>, overridden: ${k.comment(replica.overrides?join(", "))}</#if>
  - path: ${k.q(replica.path)}
<#if snapshotPerDatabase>
    snapshot:
      interval: ${k.scalar(snapshot.interval)}
      retention: ${k.scalar(snapshot.retention)}
</#if>
    replica:
      url: ${k.q(replica.url)}
      endpoint: ${k.q(replica.endpoint)}
      sync-interval: ${k.scalar(replica.syncInterval)}
</#list>
